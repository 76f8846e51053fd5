package dev.tracker.files.file.web;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import dev.tracker.files.file.ContentTypes;
import dev.tracker.files.file.FileNames;
import dev.tracker.files.file.StoredFile;
import dev.tracker.files.file.StoredFiles;
import dev.tracker.files.storage.ObjectStore;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /api/files} streams an upload into the bucket while hashing it; the type is
 * sniffed from the bytes. {@code GET /api/files/{id}[/content]} answer only the uploader,
 * maintainers and administrators; content that is not a safe image is sent as an
 * attachment, never sniffed by the browser.
 */
@RestController
@RequestMapping("/api/files")
class FileController {

	private static final int SNIFF_BYTES = 4096;

	private final StoredFiles files;

	private final ObjectStore store;

	private final Clock clock;

	FileController(StoredFiles files, ObjectStore store, Clock clock) {
		this.files = files;
		this.store = store;
		this.clock = clock;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<FileView> upload(@RequestParam("file") MultipartFile file,
			@RequestParam(name = "issueId", required = false) UUID issueId, @AuthenticationPrincipal Jwt caller) {
		if (file.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The file is empty");
		}
		UUID id = UUID.randomUUID();
		String key = "files/" + id;
		MessageDigest sha256 = sha256();
		String contentType;
		try (InputStream in = new BufferedInputStream(file.getInputStream(), SNIFF_BYTES * 2)) {
			in.mark(SNIFF_BYTES);
			byte[] head = in.readNBytes(SNIFF_BYTES);
			in.reset();
			contentType = ContentTypes.sniff(head, head.length);
			this.store.put(key, new DigestInputStream(in, sha256), file.getSize(), contentType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		StoredFile stored = new StoredFile(id, FileNames.sanitize(file.getOriginalFilename()), contentType,
				file.getSize(), HexFormat.of().formatHex(sha256.digest()), caller.getSubject(), issueId, key,
				Instant.now(this.clock));
		this.files.add(stored);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(FileView.of(stored));
	}

	@GetMapping("/{id}")
	FileView metadata(@PathVariable UUID id, @AuthenticationPrincipal Jwt caller) {
		return FileView.of(visible(id, caller));
	}

	@GetMapping("/{id}/content")
	ResponseEntity<InputStreamResource> content(@PathVariable UUID id, @AuthenticationPrincipal Jwt caller) {
		StoredFile file = visible(id, caller);
		boolean inline = ContentTypes.SAFE_INLINE.contains(file.contentType());
		ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(file.name(), java.nio.charset.StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
			.header("Content-Security-Policy", "default-src 'none'; sandbox")
			.body(new InputStreamResource(this.store.get(file.storageKey())));
	}

	private StoredFile visible(UUID id, Jwt caller) {
		boolean staff = SecurityContextHolder.getContext()
			.getAuthentication()
			.getAuthorities()
			.stream()
			.anyMatch((authority) -> authority.getAuthority().equals("ROLE_ADMIN")
					|| authority.getAuthority().equals("ROLE_MAINTAINER"));
		return this.files.find(id)
			.filter((file) -> staff || file.ownerId().equals(caller.getSubject()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No file " + id));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
