package org.keephope.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keephope.account.SignedInStaff;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.MemberRole;
import org.keephope.coalition.NewOrganisation;
import org.keephope.coalition.Organisation;
import org.keephope.coalition.Organisations;
import org.keephope.privacy.PersonalData;
import org.keephope.signature.TestCampaignsAccess;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 item 5: a partner makes its key pair with the tool the jar ships, registers the public part at
 * {@code /partner}, and from then on its copies of its supporters (those already kept too) and its exports
 * are sealed to it. The host's keys do not open them; the partner's private keyset does, offline, through
 * {@code java -jar keephope.jar partner-key decrypt}.
 */
class PartnerKeyIT extends AbstractIntegrationTest {

    static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "keephope.jar");

    @Autowired
    ApplicationContext context;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Organisations organisations;

    @Autowired
    Partners partners;

    @Autowired
    PersonalData personalData;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    String slug;
    Organisation partner;
    SignedInStaff.Session session;

    record Result(int code, String out, String err) {}

    /** The packaged jar, as a partner runs it on its own computer. */
    static Result jar(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var command = new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** A new key pair made by the shipped tool: the private keyset's file, and the public keyset. */
    String[] newKeyPair(String name) throws Exception {
        Result made = jar("partner-key", "new");
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).contains("HpkePrivateKey").doesNotContain("Tomcat");
        assertThat(made.err()).contains("PRIVATE");
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, made.out());
        Result pub = jar("partner-key", "public", file.toString());
        assertThat(pub.code()).as(pub.err()).isZero();
        assertThat(pub.out()).contains("HpkePublicKey").doesNotContain("HpkePrivateKey");
        return new String[] {file.toString(), pub.out()};
    }

    @BeforeEach
    void aPartnerOfItsOwnCampaign() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        partner = organisations.create(new NewOrganisation(
                "keyed-" + tag, "Keyed Partner " + tag, "https://keyed-" + tag + ".example.org", null, ""));
        slug = TestCampaignsAccess.live(context);
        long campaign = campaigns.ref(slug).orElseThrow().id();
        campaigns.addMember(campaign, partner, MemberRole.SUPPORTER, 0);
        partners.configure(campaign, partner, true, null, Map.of(), "test");
        session = SignedInStaff.partner(context, port, partner.id());
    }

    HttpResponse<String> register(String publicKeyset) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("publicKeyset", publicKeyset);
        form.put("_csrf", session.csrf());
        return post("/partner/key", form, "Cookie", session.cookie(), "Origin", "http://localhost:" + port);
    }

    String export() {
        var answer = get("/partner/campaigns/" + slug + "/supporters.csv", "Cookie", session.cookie());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** Signs this campaign ticking the partner's box, and confirms. */
    Signer signAndConfirm(String firstName) {
        String page = get("/campaigns/" + slug).body();
        Matcher shown =
                Pattern.compile("name=\"consentShown\" value=\"([0-9 ]*)\"").matcher(page);
        assertThat(shown.find()).isTrue();
        Matcher box = Pattern.compile("id=\"consent_(\\d+)\"").matcher(page);
        assertThat(box.find()).isTrue();
        Signer signer =
                new Signer(firstName, "DK").with("consentShown", shown.group(1)).with("consent_" + box.group(1), "on");
        assertThat(post("/campaigns/" + slug + "/sign", signer.formFrom(page)).statusCode())
                .isEqualTo(303);
        MimeMessage mail = signer.awaitMail();
        post(Signer.link(mail, "/confirm/"), Map.of());
        return signer;
    }

    List<Object[]> copies() {
        return jdbc.sql("select signature_id, sealed, sealed_with from partner_supporter where organisation_id = ?")
                .param(partner.id())
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3)})
                .list();
    }

    Path saved(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void onceAPartnerRegistersItsKeyTheHostCannotReadItsSupportersAndThePartnerCanOffline() throws Exception {
        Signer ann = signAndConfirm("Ann");
        assertThat(export()).as("without a key: in clear, over TLS").contains(ann.email);

        String[] key = newKeyPair("first");
        assertThat(register(key[1]).statusCode()).isEqualTo(303);
        assertThat(get("/partner", "Cookie", session.cookie()).body()).contains("key-registered");
        Signer bob = signAndConfirm("Bob");

        // stored: every copy sealed to the partner, the one kept before the key too; the host's key opens none
        List<Object[]> copies = copies();
        assertThat(copies).hasSize(2).allSatisfy(c -> assertThat(c[2]).isEqualTo("PARTNER"));
        for (Object[] c : copies) {
            byte[] sealed = (byte[]) c[1];
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                    .doesNotContain(ann.email)
                    .doesNotContain(bob.email);
            assertThatThrownBy(() ->
                            personalData.decryptBytes(sealed, ConsentAttachment.hostContext((UUID) c[0], partner.id())))
                    .as("the host's AEAD key does not open a partner's copy")
                    .isInstanceOf(RuntimeException.class);
        }

        // exported: no address in the file; the partner's private keyset opens it, offline, with the shipped tool
        String csv = export();
        assertThat(csv).doesNotContain(ann.email).doesNotContain(bob.email);
        Path file = saved("export.csv", csv);
        Result opened = jar("partner-key", "decrypt", file.toString(), key[0]);
        assertThat(opened.code()).as(opened.err()).isZero();
        assertThat(opened.out())
                .contains(ann.email)
                .contains(bob.email)
                .contains(",Ann,")
                .contains(",Bob,");

        // another keyset (the host could make any it likes) opens nothing
        String[] stranger = newKeyPair("stranger");
        Result refused = jar("partner-key", "decrypt", file.toString(), stranger[0]);
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out()).doesNotContain(ann.email);

        // a replaced key: new copies are sealed to the new one, older ones still need the older keyset
        String[] second = newKeyPair("second");
        assertThat(register(second[1]).statusCode()).isEqualTo(303);
        Signer cy = signAndConfirm("Cy");
        Path later = saved("later.csv", export());
        assertThat(jar("partner-key", "decrypt", later.toString(), second[0]).code())
                .isEqualTo(1);
        Result both = jar("partner-key", "decrypt", later.toString(), second[0], key[0]);
        assertThat(both.code()).as(both.err()).isZero();
        assertThat(both.out()).contains(ann.email).contains(bob.email).contains(cy.email);
    }

    @Test
    void aKeysetThatIsNotAPublicHpkeKeysetIsAFieldError() throws Exception {
        String[] key = newKeyPair("private");
        String privateKeyset = Files.readString(Path.of(key[0]));
        for (String wrong : List.of("", "not json", "{}", privateKeyset)) {
            var answer = register(wrong);
            assertThat(answer.statusCode()).as(wrong).isEqualTo(422);
            assertThat(answer.body()).as(wrong).contains("publicKeyset-error");
        }
        assertThat(jdbc.sql("select count(*) from partner_key where organisation_id = ?")
                        .param(partner.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jar("partner-key").code()).isEqualTo(2);
        assertThat(jar("partner-key", "public", dir.resolve("missing.json").toString())
                        .err())
                .contains("No such file")
                .doesNotContain("at org.");
        Path notExport = saved("x.csv", "hello,world\n1,2\n");
        Result bad = jar("partner-key", "decrypt", notExport.toString(), key[0]);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("not an export").doesNotContain("at org.");
    }
}
