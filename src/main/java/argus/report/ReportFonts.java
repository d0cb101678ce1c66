package argus.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one typeface of reports, Liberation Sans (SIL Open Font License), as PDFBox ships it: embedded in every PDF and
 * used for chart labels, so a report looks the same on a server without any installed font.
 */
final class ReportFonts {
    static final String FAMILY = "Liberation Sans";
    private static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private ReportFonts() {}

    static InputStream open() {
        InputStream in = ReportFonts.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("PDFBox's " + RESOURCE + " is missing from the class path");
        }
        return in;
    }

    static Font awt() {
        try (InputStream in = open()) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
