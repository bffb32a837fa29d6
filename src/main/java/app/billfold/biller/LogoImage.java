package app.billfold.biller;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The biller's logo as an image: what the bytes really are (never what the browser claimed), and
 * whether they decode within the limits. The pixel size is read from the header before anything is
 * decoded, so a small file that claims a huge picture is refused without filling the memory.
 */
public final class LogoImage {

    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_SIDE = 2000;
    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpeg", "image/jpeg");

    /** Why a logo is refused: each one a message key on the settings form. */
    public enum Refusal {
        TOO_BIG("error_logo_size"),
        NOT_AN_IMAGE("error_logo_type"),
        TOO_MANY_PIXELS("error_logo_pixels");

        public final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    /** A logo that decoded: its real content type and its pixels. */
    public record Decoded(String contentType, BufferedImage image) {}

    public static final class Refused extends Exception {
        public final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.name());
            this.refusal = refusal;
        }
    }

    private LogoImage() {}

    /** Decodes a logo, or says why it cannot be one. */
    public static Decoded decode(byte[] bytes) throws Refused {
        if (bytes == null || bytes.length == 0) {
            throw new Refused(Refusal.NOT_AN_IMAGE);
        }
        if (bytes.length > MAX_BYTES) {
            throw new Refused(Refusal.TOO_BIG);
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new Refused(Refusal.NOT_AN_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                String type = TYPES.get(reader.getFormatName().toLowerCase(Locale.ROOT));
                if (type == null) {
                    throw new Refused(Refusal.NOT_AN_IMAGE);
                }
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw new Refused(Refusal.NOT_AN_IMAGE);
                }
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    throw new Refused(Refusal.TOO_MANY_PIXELS);
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new Refused(Refusal.NOT_AN_IMAGE);
                }
                return new Decoded(type, image);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // A truncated or corrupt file: ImageIO reports it in several ways, all meaning the same.
            throw new Refused(Refusal.NOT_AN_IMAGE);
        }
    }

    /** The logo to print, or empty (and the reason logged by the caller) when it will not decode. */
    public static Optional<BufferedImage> printable(byte[] bytes) {
        try {
            return Optional.of(decode(bytes).image());
        } catch (Refused e) {
            return Optional.empty();
        }
    }
}
