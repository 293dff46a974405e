package org.keephope.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** One real SMTP server (GreenMail) per test JVM, on a free port. */
public final class TestMail {

    private static GreenMail server;
    private static int port;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            port = server.getSmtp().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** Takes the SMTP server down, as an outage would. */
    public static synchronized void stop() {
        server().stop();
    }

    /** Brings SMTP back on the same port; the mails it had are gone, as on a new server. */
    public static synchronized void restart() {
        server().stop();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public static int port() {
        server();
        return port;
    }
}
