package id.sni37122.reports.publication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A publication's SHA-256 of its own content. The file is written with 64 zeros where the hash
 * goes ({@code content_sha256} in the JSON, the last column of every CSV row); the SHA-256 of
 * those exact bytes (UTF-8, BOM included) replaces the zeros. To check: put the zeros back in
 * place of every occurrence of the claimed hash and hash again, e.g.
 * {@code sed "s/$H/$(printf '0%.0s' {1..64})/g" f | sha256sum}. So any edit, even one that a
 * spreadsheet makes when it saves, shows.
 */
final class SelfHash {

    static final String PLACEHOLDER = "0".repeat(64);
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private SelfHash() {
    }

    /** The written text with its placeholder replaced by the hash of the text. */
    static byte[] seal(String textWithPlaceholder) {
        String hash = sha256(textWithPlaceholder.getBytes(StandardCharsets.UTF_8));
        return textWithPlaceholder.replace(PLACEHOLDER, hash).getBytes(StandardCharsets.UTF_8);
    }

    /** True when {@code claimed} is a hash and the file's bytes, with it replaced by the placeholder, hash to it. */
    static boolean matches(byte[] file, String claimed) {
        if (claimed == null || !HEX.matcher(claimed).matches()) {
            return false;
        }
        String text = new String(file, StandardCharsets.UTF_8);
        return sha256(text.replace(claimed, PLACEHOLDER).getBytes(StandardCharsets.UTF_8)).equals(claimed);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
