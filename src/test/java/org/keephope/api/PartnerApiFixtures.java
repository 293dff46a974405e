package org.keephope.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HybridConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keephope.account.SignedInStaff;
import org.keephope.apikey.ApiKeys;
import org.keephope.apikey.ApiScope;
import org.keephope.campaign.Campaigns;
import org.keephope.campaign.MemberRole;
import org.keephope.coalition.NewOrganisation;
import org.keephope.coalition.Organisation;
import org.keephope.coalition.Organisations;
import org.keephope.partner.Partners;
import org.keephope.signature.TestCampaignsAccess;
import org.keephope.support.AbstractIntegrationTest;
import org.keephope.support.Signer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What the API's partner tests share: a live campaign with two partners of its own (each collecting, with the
 * default consent texts), a partner's key, a signature through the campaign page ticking some partners' boxes
 * (confirmed), and a partner's public key registered on {@code /partner} as a partner does, whose private part
 * the test keeps to open what the API seals.
 */
abstract class PartnerApiFixtures extends AbstractIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeys keys;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Organisations organisations;

    @Autowired
    Partners partners;

    /** A live campaign and two organisations that are partners of it (and of nothing else). */
    record Partnered(String slug, long campaignId, Organisation a, Organisation b) {}

    Partnered partnered() {
        String slug = TestCampaignsAccess.live(context);
        long campaignId = campaigns.ref(slug).orElseThrow().id();
        Organisation a = organisation("pa");
        Organisation b = organisation("pb");
        for (Organisation o : new Organisation[] {a, b}) {
            campaigns.addMember(campaignId, o, MemberRole.SUPPORTER, 0);
            partners.configure(campaignId, o, true, null, Map.of(), "test");
        }
        return new Partnered(slug, campaignId, a, b);
    }

    Organisation organisation(String prefix) {
        String tag = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return organisations.create(
                new NewOrganisation(tag, "Partner " + tag, "https://" + tag + ".example.org", null, ""));
    }

    String partnerKey(Organisation organisation, ApiScope... scopes) {
        return keys.create("partner test " + UUID.randomUUID(), Set.of(scopes), null, organisation.id(), "test")
                .token();
    }

    String staffKey(ApiScope... scopes) {
        return keys.create("staff test " + UUID.randomUUID(), Set.of(scopes), null, null, "test")
                .token();
    }

    /** Signs through the campaign page (with {@code ?src=} when given), ticking these partners' boxes; confirms. */
    Signer signAndConfirm(String slug, String firstName, Organisation src, Organisation... ticked) {
        return signThroughPage(slug, firstName, src, true, ticked);
    }

    Signer signThroughPage(String slug, String firstName, Organisation src, boolean confirm, Organisation... ticked) {
        String path = "/campaigns/" + slug;
        String page = get(path + (src == null ? "" : "?src=" + src.slug())).body();
        Signer signer = new Signer(firstName, "SE");
        Matcher shown =
                Pattern.compile("name=\"consentShown\" value=\"([0-9 ]*)\"").matcher(page);
        assertThat(shown.find()).isTrue();
        signer.with("consentShown", shown.group(1));
        if (src != null) {
            signer.with("src", src.slug());
        }
        for (Organisation o : ticked) {
            Matcher box = Pattern.compile(
                            "id=\"consent_(\\d+)\" name=\"consent_\\d+\" value=\"on\">\\s*<label for=\"consent_\\d+\">"
                                    + Pattern.quote(o.name()))
                    .matcher(page);
            assertThat(box.find()).as(o.slug()).isTrue();
            signer.with("consent_" + box.group(1), "on");
        }
        assertThat(post(path + "/sign", signer.formFrom(page)).statusCode()).isEqualTo(303);
        if (confirm) {
            assertThat(post(Signer.link(signer.awaitMail(), "/confirm/"), Map.of())
                            .statusCode())
                    .isEqualTo(303);
        }
        return signer;
    }

    /**
     * Registers a new public key for the organisation on {@code /partner}, as its PARTNER account does; returns
     * the private keyset, which never reaches KeepHope.
     */
    KeysetHandle registerPublicKey(Organisation organisation) throws Exception {
        HybridConfig.register();
        KeysetHandle keyset =
                KeysetHandle.generateNew(KeyTemplates.get("DHKEM_X25519_HKDF_SHA256_HKDF_SHA256_AES_256_GCM"));
        String publicJson = TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(keyset.getPublicKeysetHandle());
        var session = SignedInStaff.partner(context, port, organisation.id());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("publicKeyset", publicJson);
        form.put("_csrf", session.csrf());
        assertThat(post("/partner/key", form, "Cookie", session.cookie(), "Origin", "http://localhost:" + port)
                        .statusCode())
                .isEqualTo(303);
        return keyset;
    }

    /** Opens a {@code sealed} field with the partner's private keyset: the record's lines (v1, email, names, …). */
    static String[] open(KeysetHandle privateKeyset, String sealed, String signatureId, long organisationId)
            throws Exception {
        HybridDecrypt decrypt = privateKeyset.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class);
        byte[] plain = decrypt.decrypt(
                Base64.getDecoder().decode(sealed),
                ("keephope.partner-supporter:" + signatureId + ":" + organisationId).getBytes(StandardCharsets.UTF_8));
        return new String(plain, StandardCharsets.UTF_8).split("\n", -1);
    }
}
