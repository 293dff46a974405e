package org.keephope.media;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.keephope.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MediaRepository {

    record MediaRow(UUID id, String contentType, byte[] bytes) {}

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, ImageSanitiser.Clean image, Instant now, String actor) {
        jdbc.sql("""
                        insert into media (id, content_type, bytes, width, height, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        image.type().contentType,
                        image.bytes(),
                        image.width(),
                        image.height(),
                        Rows.param(now),
                        actor)
                .update();
    }

    Optional<MediaRow> find(UUID id) {
        return jdbc.sql("select id, content_type, bytes from media where id = ?")
                .param(id)
                .query((rs, n) -> new MediaRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)))
                .optional();
    }
}
