package org.keephope.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalPathTest {

    @Test
    void aPathOnThisSiteIsLocal() {
        assertThat(LocalPath.isLocal("/media/3f2c.png")).isTrue();
        assertThat(LocalPath.isLocal("/img/keep-hope-alive.svg")).isTrue();
        assertThat(LocalPath.isLocal("/")).isTrue();
    }

    @Test
    void anythingABrowserWouldReadAsAnotherHostIsNot() {
        assertThat(LocalPath.isLocal("//tracker.example/p.gif")).isFalse();
        assertThat(LocalPath.isLocal("/\\tracker.example/p.gif")).isFalse();
        assertThat(LocalPath.isLocal("/\t/tracker.example/p.gif")).isFalse();
        assertThat(LocalPath.isLocal("/\n/tracker.example/p.gif")).isFalse();
        assertThat(LocalPath.isLocal("/media/\\..\\x")).isFalse();
        assertThat(LocalPath.isLocal("https://tracker.example/p.gif")).isFalse();
        assertThat(LocalPath.isLocal("media/x.png")).isFalse();
        assertThat(LocalPath.isLocal("/a\u0000b")).isFalse();
        assertThat(LocalPath.isLocal("")).isFalse();
        assertThat(LocalPath.isLocal(null)).isFalse();
    }
}
