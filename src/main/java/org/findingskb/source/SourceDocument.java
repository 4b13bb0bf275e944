package org.findingskb.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

import org.findingskb.shared.StoredEntity;

/**
 * The text of an article as stored; evidence spans index into {@link #getContent()}. The text never changes; its
 * metadata may be corrected, and each correction is kept in its history.
 */
@Entity
@Table(name = "source_document")
@Audited(withModifiedFlag = true)
public class SourceDocument extends StoredEntity {

    private String title;

    private String publisher;

    private String url;

    @Column(name = "published_year")
    private Integer publishedYear;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private String sha256;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private String content;

    @NotAudited
    @Column(nullable = false, updatable = false)
    private int length;

    @NotAudited
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SourceDocument() {
    }

    public SourceDocument(String content, String title, String publisher, String url, Integer publishedYear) {
        this.content = content;
        this.length = content.length();
        this.sha256 = sha256Of(content);
        this.title = title;
        this.publisher = publisher;
        this.url = url;
        this.publishedYear = publishedYear;
        this.createdAt = Instant.now();
    }

    public static String sha256Of(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /** Corrects what is known about the article; its text stays as it is. */
    public void correct(String title, String publisher, String url, Integer publishedYear) {
        this.title = title;
        this.publisher = publisher;
        this.url = url;
        this.publishedYear = publishedYear;
    }

    /** Whether {@code exact} stands at {@code [start, end)} of this text. */
    public boolean holdsAt(int start, int end, String exact) {
        return start >= 0 && end <= length && start <= end && content.substring(start, end).equals(exact);
    }

    public String getTitle() {
        return title;
    }

    public String getPublisher() {
        return publisher;
    }

    public String getUrl() {
        return url;
    }

    public Integer getPublishedYear() {
        return publishedYear;
    }

    public String getSha256() {
        return sha256;
    }

    public String getContent() {
        return content;
    }

    public int getLength() {
        return length;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
