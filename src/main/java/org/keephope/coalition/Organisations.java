package org.keephope.coalition;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keephope.audit.AuditLog;
import org.keephope.support.StaleEdit;
import org.keephope.web.PageNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The coalition module's facade. */
@Service
@Transactional(readOnly = true)
public class Organisations {

    private final OrganisationRepository repository;
    private final AuditLog audit;

    Organisations(OrganisationRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional
    public Organisation create(NewOrganisation organisation) {
        return repository.insert(organisation);
    }

    /**
     * Creates an organisation on a staff member's behalf.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the slug is taken
     */
    @Transactional
    public Organisation create(NewOrganisation organisation, String actor) {
        var created = repository.insert(organisation);
        audit.record(actor, "organisation.create", "organisation", created.id(), created.slug());
        return created;
    }

    public Optional<EditableOrganisation> forEditing(long id) {
        return repository.findEditable(id);
    }

    /**
     * Saves a staff member's edit, made from {@code version}. The logo is changed by {@link #setLogo} only.
     *
     * @throws StaleEdit when someone saved the organisation since
     * @throws org.springframework.dao.DuplicateKeyException when the new slug is taken
     */
    @Transactional
    public void update(long id, int version, NewOrganisation organisation, String actor) {
        if (!repository.update(id, version, organisation)) {
            var current = repository.findEditable(id).orElseThrow(() -> PageNotFound.of("organisation", "" + id));
            throw StaleEdit.of("organisation", id, current.version());
        }
        audit.record(actor, "organisation.update", "organisation", id, organisation.slug());
    }

    /** Points the organisation at a logo stored by the media module. */
    @Transactional
    public void setLogo(long id, String logoPath, String actor) {
        if (!repository.setLogo(id, logoPath)) {
            throw PageNotFound.of("organisation", "" + id);
        }
        audit.record(actor, "organisation.logo", "organisation", id, logoPath);
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
