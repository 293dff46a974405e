package org.keephope.coalition;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The coalition module's facade. */
@Service
@Transactional(readOnly = true)
public class Organisations {

    private final OrganisationRepository repository;

    Organisations(OrganisationRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public Organisation create(NewOrganisation organisation) {
        return repository.insert(organisation);
    }

    public Optional<Organisation> bySlug(String slug) {
        return repository.findBySlug(slug);
    }

    public Map<Long, Organisation> byIds(Collection<Long> ids) {
        return repository.findByIds(ids).stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
    }

    public List<Organisation> all() {
        return repository.findAll();
    }
}
