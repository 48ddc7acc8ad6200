package fr.traitant.app.campaigns;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.directory.PracticeLocation;
import fr.traitant.app.network.Charter;
import fr.traitant.app.network.CharterVersion;
import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.PdfDocuments;
import fr.traitant.app.platform.TraitantProperties;
import fr.traitant.app.territory.Territory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Service;

/**
 * The campaign's letters: one PDF, one page per doctor written to (not the hold-out, not those taken off the list),
 * mail-merged with the doctor's name and practice address, the charter in force, and the doctor's personal signing
 * link as text and as a QR code; the link also lets the doctor refuse further campaigns.
 */
@Service
public class CampaignLetters {

    /** One letter. */
    public record Letter(String name, List<String> address, String link, String qrCode) {}

    private final Campaigns campaigns;
    private final Doctors doctors;
    private final Charter charter;
    private final Territory territory;
    private final PdfDocuments pdf;
    private final TraitantProperties properties;
    private final Clock clock;

    CampaignLetters(
            Campaigns campaigns,
            Doctors doctors,
            Charter charter,
            Territory territory,
            PdfDocuments pdf,
            TraitantProperties properties,
            Clock clock) {
        this.campaigns = campaigns;
        this.doctors = doctors;
        this.charter = charter;
        this.territory = territory;
        this.pdf = pdf;
        this.properties = properties;
        this.clock = clock;
    }

    /** The letters of a sent campaign: to the doctors written to by letter. */
    public byte[] render(long campaignId) {
        return render(campaignId, campaigns.allTargets(campaignId), false);
    }

    /** The reminder letters: to the doctors written to by letter who neither signed nor refused since. */
    public byte[] renderReminders(long campaignId, List<CampaignTarget> toRemind) {
        return render(campaignId, toRemind, true);
    }

    private byte[] render(long campaignId, List<CampaignTarget> targets, boolean reminder) {
        Campaign c = campaigns.get(campaignId);
        if (c.draft()) {
            throw new ConflictException(
                    "Envoyez d’abord la campagne : le tirage des témoins fixe la liste des courriers.");
        }
        if (reminder && c.remindedAt() == null) {
            throw new ConflictException("La relance n’est pas encore faite.");
        }
        List<Letter> letters = new ArrayList<>();
        for (CampaignTarget t : targets) {
            if (!t.contacted() || !"LETTER".equals(t.sentBy())) continue;
            DoctorProfile d = doctors.findProfile(t.doctorId()).orElse(null);
            if (d == null) continue;
            String link = link(t.token());
            letters.add(new Letter(d.displayName(), address(d), link, qrCode(link)));
        }
        CharterVersion version = charter.currentVersion();
        return pdf.render(
                "campaign-letters",
                (reminder ? "Relances" : "Courriers") + " de la campagne « " + c.name() + " »",
                Map.of(
                        "reminder",
                        reminder,
                        "campaign",
                        c,
                        "letters",
                        letters,
                        "charter",
                        version,
                        "charterParagraphs",
                        version.body().lines().toList(),
                        "fund",
                        properties.fundName(),
                        "today",
                        java.util.Objects.requireNonNull(FrenchDates.day(LocalDate.now(clock))),
                        "synthetic",
                        c.synthetic()));
    }

    /** The personal signing link. */
    String link(String token) {
        String base = properties.notifications().baseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/charte/signer/" + token;
    }

    private List<String> address(DoctorProfile d) {
        PracticeLocation l = d.locations().getFirst();
        List<String> lines = new ArrayList<>();
        if (!l.name().isBlank()) lines.add(l.name());
        if (!l.address().isBlank()) lines.add(l.address());
        lines.add((l.postalCode().isBlank() ? "" : l.postalCode() + " ")
                + territory
                        .findCommune(l.communeCode())
                        .map(fr.traitant.app.territory.CommuneSummary::name)
                        .orElse(l.communeCode()));
        return lines;
    }

    /** The link as a QR code, a PNG data URI (medium error correction, 4-module quiet zone). */
    static String qrCode(String text) {
        try {
            BitMatrix m = new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            int scale = 4;
            BufferedImage image =
                    new BufferedImage(m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    image.setRGB(x, y, m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR code impossible pour « " + text + " »", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
