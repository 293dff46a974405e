package org.keephope.account;

import java.io.Serializable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keephope.audit.AuditLog;
import org.keephope.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff passkeys (WebAuthn), a second factor beside TOTP, on Spring Security's relying party
 * ({@link Webauthn4JRelyingPartyOperations}, which verifies with webauthn4j) and its JDBC stores (tables of
 * migration V41). The relying party id and the one allowed origin come from the configured base URL.
 *
 * <p>Spring Security's own {@code http.webAuthn()} filters are not used: their sign-in ({@code POST
 * /login/webauthn}) is a passwordless first factor that would bypass the password step and the pending
 * sign-in's rules, and their enrolment and removal are not audited. The ceremonies here are those of the
 * relying party, called from the account module's controllers: enrolment only from a fully signed-in session,
 * a passkey only at the second step of a pending sign-in, for that account's own credentials.
 *
 * <p>A ceremony's options are not kept in the session as they are (they are not {@link Serializable}, and the
 * sessions live in the database): the session keeps a {@link Ceremony} (whose account, which challenge, since
 * when), and the options the answer is checked against are rebuilt from it.
 */
@Service
class Passkeys {

    private static final Logger log = LoggerFactory.getLogger(Passkeys.class);

    /** How long a ceremony's challenge may be answered; a pending sign-in ends sooner anyway. */
    static final Duration CEREMONY_VALIDITY = Duration.ofMinutes(5);

    static final int MAX_LABEL = 64;
    static final int MAX_PASSKEYS = 10;

    /** What a session keeps between a ceremony's options and the authenticator's answer. */
    record Ceremony(long userId, byte[] userHandle, byte[] challenge, Instant issued) implements Serializable {

        static final String ENROL = "keephope.passkeyEnrolment";
        static final String SIGN_IN = "keephope.passkeySignIn";
    }

    sealed interface Enrolled {}

    record Added(String label) implements Enrolled {}

    /** The answer was not a valid new passkey of this ceremony (or came too late, or the label is wrong). */
    record Refused(String reason) implements Enrolled {}

    private final JdbcPublicKeyCredentialUserEntityRepository userEntities;
    private final JdbcUserCredentialRepository credentials;
    private final Webauthn4JRelyingPartyOperations relyingParty;
    private final PublicKeyCredentialRpEntity rp;
    private final AccountProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json =
            JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

    Passkeys(
            PasskeyRepository repository,
            SiteProperties site,
            AccountProperties properties,
            AuditLog audit,
            Clock clock) {
        this.userEntities = repository.userEntities();
        this.credentials = repository.credentials();
        URI base = URI.create(site.baseUrl());
        this.rp = PublicKeyCredentialRpEntity.builder()
                .id(base.getHost())
                .name("KeepHope")
                .build();
        this.relyingParty = new Webauthn4JRelyingPartyOperations(userEntities, credentials, rp, Set.of(origin(base)));
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** The origin a browser reports for pages of the base URL: scheme, host and port if not the default. */
    static String origin(URI base) {
        return base.getScheme() + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }

    String rpId() {
        return rp.getId();
    }

    /** Whether this member must have (and sign in with) a passkey: an ADMIN, when the setting says so. */
    boolean required(StaffRole role) {
        return properties.requirePasskeyForAdmins() && role == StaffRole.ADMIN;
    }

    @Transactional(readOnly = true)
    List<StaffPasskey> list(String email) {
        return records(email).stream()
                .map(r -> new StaffPasskey(
                        r.getCredentialId().toBase64UrlString(), r.getLabel(), r.getCreated(), r.getLastUsed()))
                .sorted(Comparator.comparing(StaffPasskey::created, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    @Transactional(readOnly = true)
    int count(String email) {
        return records(email).size();
    }

    /**
     * The options to make a new passkey with (JSON for {@code navigator.credentials.create}), for a fully
     * signed-in member; {@code keep} receives what the session must keep for {@link #enrol}.
     */
    @Transactional
    String creationOptions(StaffMember me, java.util.function.Consumer<Ceremony> keep) {
        if (userEntities.findByUsername(me.email()) == null) {
            userEntities.save(ImmutablePublicKeyCredentialUserEntity.builder()
                    .id(Bytes.random())
                    .name(me.email())
                    .displayName(me.displayName() == null ? me.email() : me.displayName())
                    .build());
        }
        PublicKeyCredentialCreationOptions options = relyingParty.createPublicKeyCredentialCreationOptions(
                new ImmutablePublicKeyCredentialCreationOptionsRequest(authentication(me.email())));
        keep.accept(new Ceremony(
                me.id(),
                options.getUser().getId().getBytes(),
                options.getChallenge().getBytes(),
                clock.instant()));
        return json.writeValueAsString(options);
    }

    /**
     * Checks the authenticator's answer to {@link #creationOptions} and keeps the passkey under the label.
     *
     * @param body {@code {"credential": <PublicKeyCredential as JSON>, "label": "..."}}
     */
    @Transactional
    Enrolled enrol(StaffMember me, Ceremony ceremony, String body) {
        if (!current(ceremony, me.id())) {
            return new Refused("expired");
        }
        RelyingPartyPublicKey answer;
        try {
            answer = json.readValue(body, RelyingPartyPublicKey.class);
        } catch (RuntimeException unreadable) {
            return new Refused("unreadable");
        }
        String label = label(answer.getLabel());
        if (label == null) {
            return new Refused("label");
        }
        PublicKeyCredentialUserEntity user = userEntities.findByUsername(me.email());
        if (user == null || !Arrays.equals(user.getId().getBytes(), ceremony.userHandle())) {
            return new Refused("expired");
        }
        if (credentials.findByUserId(user.getId()).size() >= MAX_PASSKEYS) {
            return new Refused("too many");
        }
        PublicKeyCredentialCreationOptions options = PublicKeyCredentialCreationOptions.builder()
                .rp(rp)
                .user(user)
                .challenge(new Bytes(ceremony.challenge()))
                .pubKeyCredParams(
                        PublicKeyCredentialParameters.EdDSA,
                        PublicKeyCredentialParameters.ES256,
                        PublicKeyCredentialParameters.RS256)
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .userVerification(UserVerificationRequirement.PREFERRED)
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .build())
                .build();
        try {
            relyingParty.registerCredential(new ImmutableRelyingPartyRegistrationRequest(
                    options, new RelyingPartyPublicKey(answer.getCredential(), label)));
        } catch (RuntimeException invalid) {
            log.info("Passkey enrolment refused: {}", invalid.getClass().getSimpleName());
            return new Refused("invalid");
        }
        audit.record(me.email(), "staff.passkey-enrolled", "staff_user", me.id(), label);
        return new Added(label);
    }

    /** Renames one of the member's own passkeys; false if the member has none with that id or the label is wrong. */
    @Transactional
    boolean rename(StaffMember me, String id, String newLabel) {
        String label = label(newLabel);
        Optional<CredentialRecord> found = own(me.email(), id);
        if (label == null || found.isEmpty()) {
            return false;
        }
        credentials.save(ImmutableCredentialRecord.fromCredentialRecord(found.get())
                .label(label)
                .build());
        audit.record(
                me.email(),
                "staff.passkey-renamed",
                "staff_user",
                me.id(),
                found.get().getLabel() + " -> " + label);
        return true;
    }

    enum Removal {
        REMOVED,
        NOT_FOUND,
        LAST_REQUIRED
    }

    /** Removes one of the member's own passkeys; never the last one of a member who must have one. */
    @Transactional
    Removal remove(StaffMember me, String id) {
        Optional<CredentialRecord> found = own(me.email(), id);
        if (found.isEmpty()) {
            return Removal.NOT_FOUND;
        }
        if (required(me.role()) && count(me.email()) <= 1) {
            return Removal.LAST_REQUIRED;
        }
        credentials.delete(found.get().getCredentialId());
        audit.record(
                me.email(),
                "staff.passkey-removed",
                "staff_user",
                me.id(),
                found.get().getLabel());
        return Removal.REMOVED;
    }

    /** Forgets all passkeys of a member (with the rest of the second factor, by an admin). */
    void removeAll(String email) {
        PublicKeyCredentialUserEntity user = userEntities.findByUsername(email);
        if (user != null) {
            userEntities.delete(user.getId()); // the credentials go with it (on delete cascade)
        }
    }

    /**
     * The options to sign in with (JSON for {@code navigator.credentials.get}): only this account's passkeys
     * are allowed; {@code keep} receives what the session must keep for {@link #verify}.
     */
    @Transactional(readOnly = true)
    String requestOptions(StaffRow user, java.util.function.Consumer<Ceremony> keep) {
        PublicKeyCredentialRequestOptions options = relyingParty.createCredentialRequestOptions(
                new ImmutablePublicKeyCredentialRequestOptionsRequest(authentication(user.email())));
        keep.accept(new Ceremony(user.id(), new byte[0], options.getChallenge().getBytes(), clock.instant()));
        return json.writeValueAsString(options);
    }

    /**
     * Whether the answer to {@link #requestOptions} is a valid assertion by one of this account's own passkeys
     * (another account's passkey is refused even with a valid signature). Updates the passkey's counter and
     * last use.
     *
     * @param body a {@code PublicKeyCredential} with an {@code AuthenticatorAssertionResponse}, as JSON
     */
    @Transactional
    Optional<String> verify(StaffRow user, Ceremony ceremony, String body) {
        if (!current(ceremony, user.id())) {
            return Optional.empty();
        }
        PublicKeyCredential<AuthenticatorAssertionResponse> answer;
        try {
            answer = json.readValue(body, new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {});
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        List<CredentialRecord> mine = records(user.email());
        Optional<CredentialRecord> used = mine.stream()
                .filter(r -> answer.getRawId() != null && r.getCredentialId().equals(answer.getRawId()))
                .findFirst();
        if (used.isEmpty()) {
            return Optional.empty();
        }
        PublicKeyCredentialRequestOptions options = PublicKeyCredentialRequestOptions.builder()
                .challenge(new Bytes(ceremony.challenge()))
                .rpId(rp.getId())
                .userVerification(UserVerificationRequirement.PREFERRED)
                .allowCredentials(mine.stream()
                        .map(r -> PublicKeyCredentialDescriptor.builder()
                                .id(r.getCredentialId())
                                .transports(r.getTransports())
                                .build())
                        .toList())
                .build();
        try {
            PublicKeyCredentialUserEntity owner =
                    relyingParty.authenticate(new RelyingPartyAuthenticationRequest(options, answer));
            return owner.getName().equals(user.email()) ? Optional.of(used.get().getLabel()) : Optional.empty();
        } catch (RuntimeException invalid) {
            log.info("Passkey assertion refused: {}", invalid.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private boolean current(Ceremony ceremony, long userId) {
        Instant now = clock.instant();
        return ceremony != null
                && ceremony.userId() == userId
                && !ceremony.issued().isAfter(now)
                && now.isBefore(ceremony.issued().plus(CEREMONY_VALIDITY));
    }

    private List<CredentialRecord> records(String email) {
        PublicKeyCredentialUserEntity user = userEntities.findByUsername(email);
        return user == null ? List.of() : credentials.findByUserId(user.getId());
    }

    private Optional<CredentialRecord> own(String email, String id) {
        if (id == null || id.isBlank() || id.length() > 1400 || !id.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        return records(email).stream()
                .filter(r -> r.getCredentialId().toBase64UrlString().equals(id))
                .findFirst();
    }

    /** A label as kept: stripped, 1 to {@link #MAX_LABEL} characters, no control characters; else null. */
    static String label(String label) {
        String stripped = label == null ? "" : label.strip();
        return stripped.isEmpty()
                        || stripped.codePointCount(0, stripped.length()) > MAX_LABEL
                        || stripped.codePoints().anyMatch(Character::isISOControl)
                ? null
                : stripped;
    }

    /**
     * Who a ceremony is for, as the relying party expects it (it reads only the name, and that it is
     * authenticated): never put in a security context.
     */
    private static Authentication authentication(String email) {
        return UsernamePasswordAuthenticationToken.authenticated(email, null, List.of());
    }
}
