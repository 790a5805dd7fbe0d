package io.messageboard.deploy.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny multi-arch image written as an OCI image layout: one empty layer, one image per platform
 * and an image index over them, tagged in the layout's index.json, for skopeo to copy anywhere.
 */
final class OciImageLayout {

  static final String INDEX = "application/vnd.oci.image.index.v1+json";
  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  private final Path folder;

  private OciImageLayout(Path folder) {
    this.folder = folder;
  }

  /** Writes the layout into {@code folder}; returns the digest of the image index. */
  static String write(Path folder, String tag, List<String> architectures) throws IOException {
    OciImageLayout layout = new OciImageLayout(folder);
    Files.createDirectories(folder.resolve("blobs/sha256"));
    Files.writeString(folder.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");

    // An empty tar archive (two zero blocks), gzip-compressed as a registry expects a layer.
    byte[] tar = new byte[1024];
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(tar);
    }
    byte[] layer = compressed.toByteArray();
    String layerDigest = layout.blob(layer);

    List<String> manifests = new ArrayList<>();
    for (String architecture : architectures) {
      byte[] config =
          """
          {"architecture":"%s","os":"linux","config":{},\
          "rootfs":{"type":"layers","diff_ids":["%s"]}}"""
              .formatted(architecture, sha256(tar))
              .getBytes(StandardCharsets.UTF_8);
      byte[] manifest =
          """
          {"schemaVersion":2,"mediaType":"%s",\
          "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},\
          "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"%s","size":%d}]}"""
              .formatted(MANIFEST, layout.blob(config), config.length, layerDigest, layer.length)
              .getBytes(StandardCharsets.UTF_8);
      manifests.add(
          """
          {"mediaType":"%s","digest":"%s","size":%d,"platform":{"architecture":"%s","os":"linux"}}"""
              .formatted(MANIFEST, layout.blob(manifest), manifest.length, architecture));
    }
    byte[] index =
        """
        {"schemaVersion":2,"mediaType":"%s","manifests":[%s]}"""
            .formatted(INDEX, String.join(",", manifests))
            .getBytes(StandardCharsets.UTF_8);
    String indexDigest = layout.blob(index);
    Files.writeString(
        folder.resolve("index.json"),
        """
        {"schemaVersion":2,"manifests":[{"mediaType":"%s","digest":"%s","size":%d,\
        "annotations":{"org.opencontainers.image.ref.name":"%s"}}]}"""
            .formatted(INDEX, indexDigest, index.length, tag));
    return indexDigest;
  }

  /** Stores content as a blob; returns its digest. */
  private String blob(byte[] content) throws IOException {
    String digest = sha256(content);
    Files.write(
        folder.resolve("blobs/sha256").resolve(digest.substring("sha256:".length())), content);
    return digest;
  }

  static String sha256(byte[] content) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
