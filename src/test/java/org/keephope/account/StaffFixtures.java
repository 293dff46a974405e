package org.keephope.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.keephope.privacy.PersonalData;
import org.keephope.support.Sha256;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff members for tests, with a known TOTP secret, made directly in the database. */
class StaffFixtures {

    static final String PASSWORD = "correct horse battery staple";

    record Member(long id, String email, byte[] secret) {}

    private final StaffRepository staff;
    private final Passwords passwords;
    private final PersonalData personalData;
    private final JdbcClient jdbc;
    private final Clock clock;

    StaffFixtures(StaffRepository staff, Passwords passwords, PersonalData personalData, JdbcClient jdbc, Clock clock) {
        this.staff = staff;
        this.passwords = passwords;
        this.personalData = personalData;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Fixtures for the application of a test, from its context. */
    static StaffFixtures from(ApplicationContext context) {
        return new StaffFixtures(
                context.getBean(StaffRepository.class),
                context.getBean(Passwords.class),
                context.getBean(PersonalData.class),
                context.getBean(JdbcClient.class),
                context.getBean(Clock.class));
    }

    Member create(StaffRole role, List<String> recoveryCodes) {
        String email =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long id = staff.insert(email, "Test " + role.name(), passwords.hash(PASSWORD), role, clock.instant());
        byte[] secret = Secrets.totpSecret();
        staff.confirmSecondFactor(id, 0, personalData.encrypt(secret, SignIn.SECRET_CONTEXT), 0);
        staff.replaceRecoveryCodes(
                id,
                recoveryCodes.stream()
                        .map(c -> Sha256.of(Secrets.normaliseRecoveryCode(c)))
                        .toList());
        return new Member(id, email, secret);
    }

    /** A member with a password who has not enrolled a second factor yet (as after an invitation). */
    Member createWithoutSecondFactor(StaffRole role) {
        String email = role.name().toLowerCase() + "-new-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long id = staff.insert(email, "New " + role.name(), passwords.hash(PASSWORD), role, clock.instant());
        return new Member(id, email, null);
    }

    /** Grants the DATA permission directly in the database (before the member signs in). */
    void grantDataAccess(Member member) {
        jdbc.sql("update staff_user set data_access = true where id = ?")
                .param(member.id())
                .update();
    }

    Member create(StaffRole role) {
        return create(role, List.of());
    }

    /** A PARTNER account of an organisation, with a second factor. */
    Member createPartner(long organisationId) {
        String email = "partner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long id = staff.insert(
                email,
                "Partner " + organisationId,
                passwords.hash(PASSWORD),
                StaffRole.PARTNER,
                organisationId,
                clock.instant());
        byte[] secret = Secrets.totpSecret();
        staff.confirmSecondFactor(id, 0, personalData.encrypt(secret, SignIn.SECRET_CONTEXT), 0);
        return new Member(id, email, secret);
    }

    /** The current code; forgets the last used step first, so a test may sign the same member in again. */
    String code(Member member) {
        jdbc.sql("update staff_user set totp_last_step = 0 where id = ?")
                .param(member.id())
                .update();
        return Totp.code(member.secret(), Math.floorDiv(clock.instant().getEpochSecond(), 30), 6);
    }
}
