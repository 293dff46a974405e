package org.keephope.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExifOrientationTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void readsTheOrientationTheCameraWrote(int orientation) {
        assertThat(ExifOrientation.of(TestImages.jpegWithOrientation(orientation)))
                .isEqualTo(orientation);
    }

    @Test
    void aPhotoWithoutAnOrientationTagIsUpright() {
        assertThat(ExifOrientation.of(TestImages.jpegWithGpsAndComment())).isEqualTo(1);
        assertThat(ExifOrientation.of(TestImages.jpegWithOrientation(1))).isEqualTo(1);
    }

    @Test
    void anOrientationOutOfRangeOrABrokenFileChangesNothing() {
        assertThat(ExifOrientation.of(TestImages.jpegWithOrientation(9))).isEqualTo(1);
        assertThat(ExifOrientation.of(TestImages.jpegWithOrientation(0))).isEqualTo(1);
        byte[] photo = TestImages.jpegWithOrientation(6);
        assertThat(ExifOrientation.of(Arrays.copyOf(photo, 20))).isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[0])).isEqualTo(1);
        assertThat(ExifOrientation.of(TestImages.png())).isEqualTo(1);
    }
}
