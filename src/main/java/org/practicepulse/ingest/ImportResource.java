package org.practicepulse.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.practicepulse.audit.AuditTrail;
import org.practicepulse.practice.Practice;
import org.practicepulse.security.PracticeAccess;
import org.practicepulse.security.Role;
import org.practicepulse.web.ApiException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
public class ImportResource {

    @Inject
    PracticeAccess access;
    @Inject
    ImportService imports;
    @Inject
    InboxScanner scanner;
    @Inject
    ImportConfig config;
    @Inject
    UploadStore uploads;
    @Inject
    AuditTrail audit;

    @GET
    @RolesAllowed({ Role.OWNER, Role.LEADERSHIP })
    @Transactional
    @Operation(summary = "Import runs of the caller's practices (or of one), newest first")
    public List<ImportRunView> list(@QueryParam("practice") String practice, @QueryParam("limit") @DefaultValue("100") int limit) {
        List<Practice> practices = practice == null ? access.visiblePractices() : List.of(access.require(practice));
        if (practices.isEmpty()) {
            return List.of();
        }
        int bounded = Math.max(1, Math.min(limit, 1000));
        return ImportRunView.of(ImportRun.newestFirst(practices.stream().map(p -> p.id).toList(), bounded), slugs(practices));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.OWNER)
    @Operation(summary = "Upload one export file (multipart field 'file'); imported before the answer")
    public ImportRunView upload(@QueryParam("practice") String practiceSlug, @RestForm("file") FileUpload file) throws IOException {
        Practice practice = inTransaction(() -> access.require(practiceSlug));
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("missing file", "send the export as the multipart field 'file'");
        }
        String originalName = UploadStore.displayName(file.fileName());
        java.nio.file.Path kept = uploads.keep(practice, file.uploadedFile(), originalName);
        ImportRun run = imports.importFile(new ImportService.ImportRequest(practice, kept, originalName,
                ImportService.UPLOAD, kept.toString(), access.username(), Optional.empty()))
                .orElseThrow(() -> ApiException.badRequest("unreadable upload", "the uploaded file could not be read"));
        audit.record(practice.id, access.username(), AuditTrail.Action.IMPORT_UPLOADED, originalName,
                "run " + run.id + ": " + run.status + ", " + run.rowsImported + " rows imported, " + run.rowsRejected + " rejected");
        return inTransaction(() -> ImportRunView.of(List.of(run), Map.of(practice.id, practice.slug)).get(0));
    }

    @POST
    @Path("/scan")
    @RolesAllowed(Role.OWNER)
    @Operation(summary = "Scan the inbox now; returns the runs made for the caller's practices")
    public List<ImportRunView> scan() {
        if (config.inbox().isEmpty()) {
            throw ApiException.badRequest("no inbox", "pulse.import.inbox is not configured on this server");
        }
        List<ImportRun> runs = scanner.scan();
        audit.record(null, access.username(), AuditTrail.Action.INBOX_SCANNED, null, runs.size() + " runs");
        return inTransaction(() -> {
            List<Practice> visible = access.visiblePractices();
            Map<Long, String> slugs = slugs(visible);
            return ImportRunView.of(runs.stream().filter(r -> slugs.containsKey(r.practiceId)).toList(), slugs);
        });
    }

    private static Map<Long, String> slugs(List<Practice> practices) {
        return practices.stream().collect(Collectors.toMap(p -> p.id, p -> p.slug, (a, b) -> a));
    }

    private static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
