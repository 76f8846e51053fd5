package dev.tracker.files.file.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.tracker.files.file.ContentTypes;
import dev.tracker.files.file.StoredFile;
import dev.tracker.files.file.StoredFiles;
import dev.tracker.files.file.Uploads;
import dev.tracker.files.storage.ObjectStore;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;
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
 * {@code POST /api/files} takes an upload (spooled to a temporary file by the servlet
 * container beyond a small threshold) into the bucket; the type is sniffed from the
 * bytes. {@code GET /api/files/{id}[/content]} answer only the uploader, maintainers and
 * administrators; content that is not a safe image is sent as an attachment, never
 * sniffed by the browser.
 */
@RestController
@RequestMapping("/api/files")
class FileController {

	static final URI EMPTY_FILE = URI.create("https://tracker.dev/problems/empty-file");

	private final StoredFiles files;

	private final Uploads uploads;

	private final ObjectStore store;

	FileController(StoredFiles files, Uploads uploads, ObjectStore store) {
		this.files = files;
		this.uploads = uploads;
		this.store = store;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<FileView> upload(@RequestParam("file") MultipartFile file,
			@RequestParam(name = "issueId", required = false) UUID issueId, JwtAuthenticationToken caller) {
		if (file.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The file is empty");
			problem.setType(EMPTY_FILE);
			problem.setTitle("Empty file");
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
		}
		StoredFile stored = this.uploads.store(file, file.getOriginalFilename(), caller.getName(), issueId);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(stored.id())
			.toUri();
		return ResponseEntity.created(location).body(FileView.of(stored));
	}

	@GetMapping("/{id}")
	FileView metadata(@PathVariable UUID id, JwtAuthenticationToken caller) {
		return FileView.of(visible(id, caller));
	}

	@GetMapping("/{id}/content")
	ResponseEntity<InputStreamResource> content(@PathVariable UUID id, JwtAuthenticationToken caller) {
		StoredFile file = visible(id, caller);
		boolean inline = ContentTypes.SAFE_INLINE.contains(file.contentType());
		ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(file.name(), StandardCharsets.UTF_8)
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

	/**
	 * The file, if the caller may see it: its uploader, a maintainer or an administrator.
	 * Anyone else learns nothing, not even that it exists.
	 */
	private StoredFile visible(UUID id, JwtAuthenticationToken caller) {
		boolean staff = caller.getAuthorities()
			.stream()
			.anyMatch((authority) -> authority.getAuthority().equals("ROLE_ADMIN")
					|| authority.getAuthority().equals("ROLE_MAINTAINER"));
		return this.files.find(id)
			.filter((file) -> staff || file.ownerId().equals(caller.getName()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No file " + id));
	}

}
