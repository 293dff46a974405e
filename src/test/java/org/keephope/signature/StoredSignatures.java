package org.keephope.signature;

import org.keephope.privacy.EmailAddress;
import org.keephope.privacy.Fingerprints;
import org.springframework.jdbc.core.simple.JdbcClient;

/** For tests outside this package: is there a signature of this address for this campaign? */
public final class StoredSignatures {

    private StoredSignatures() {}

    public static boolean isStored(JdbcClient jdbc, Fingerprints fingerprints, long campaignId, String email) {
        byte[] mac = fingerprints.of(Signing.EMAIL_MAC, EmailAddress.canonical(email));
        return jdbc.sql("select count(*) from signature where campaign_id = ? and email_mac = ?")
                        .params(campaignId, mac)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
