package jp.kakaritsuke.kb.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code kb.catalog.*} settings: whom the dataset description names as its contact point. The project has no
 * address of its own, so the deployment gives one; with none set, the description has no contact point rather than an
 * invented one.
 *
 * @param contactName the name of the contact (a person, a desk, an organisation), e.g. 「○○県 医療政策課」
 * @param contactEmail an e-mail address, without {@code mailto:}
 * @param contactUrl a web page where people reach the contact (a form, a help desk)
 */
@ConfigurationProperties("kb.catalog")
public record CatalogProperties(String contactName, String contactEmail, String contactUrl) {

    public CatalogProperties {
        contactName = blankToNull(contactName);
        contactEmail = blankToNull(contactEmail);
        contactUrl = blankToNull(contactUrl);
        if (contactEmail != null && !contactEmail.matches("[^@\\s:]+@[^@\\s]+")) {
            throw new IllegalArgumentException("kb.catalog.contact-email is not an e-mail address: " + contactEmail);
        }
        if (contactUrl != null && !contactUrl.matches("https?://\\S+")) {
            throw new IllegalArgumentException("kb.catalog.contact-url must be an http(s) URL: " + contactUrl);
        }
    }

    /** Whether a contact point is configured: an e-mail address or a web page (a name alone reaches nobody). */
    public boolean hasContact() {
        return contactEmail != null || contactUrl != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
