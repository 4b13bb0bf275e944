import java.util.List;

import org.findingskb.client.ApiClient;
import org.findingskb.client.ApiException;
import org.findingskb.client.api.FindingsApi;
import org.findingskb.client.api.StudiesApi;
import org.findingskb.client.model.FindingEvidence;
import org.findingskb.client.model.FindingResponse;
import org.findingskb.client.model.ResultPageFindingResponse;
import org.findingskb.client.model.StudyPatch;
import org.findingskb.client.model.StudyRequest;
import org.findingskb.client.model.StudyResponse;

/** A read and a write through the Java client generated from the served OpenAPI document (.ci/openapi). */
public class ClientCheck {

    public static void main(String[] args) throws ApiException {
        ApiClient client = new ApiClient();
        client.updateBaseUri(args[0]);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + args[1]));

        FindingsApi findings = new FindingsApi(client);
        ResultPageFindingResponse page = findings.listFindings(
                FindingsApi.APIListFindingsRequest.newBuilder().size(2).build());
        check(page.getContent().size() == 2, "a page of two findings");
        FindingResponse first = findings.getFinding(page.getContent().get(0).getId(), null);
        FindingEvidence evidence = first.getEvidence().get(0);
        check(evidence.getPrefix() != null && evidence.getSuffix() != null && !evidence.getExact().isEmpty(),
                "evidence with its prefix, exact quote and suffix");

        StudiesApi studies = new StudiesApi(client);
        StudyResponse created = studies.createStudy(new StudyRequest().title("A study written by the Java client " + args[2]));
        check(created.getId() != null && created.getPopulation() == null, "a created study");
        StudyResponse patched = studies.updateStudy(String.valueOf(created.getId()), "\"" + created.getVersion() + "\"",
                new StudyPatch().population("mice"));
        check("mice".equals(patched.getPopulation()) && patched.getVersion() == created.getVersion() + 1,
                "a merge patch naming the version it changes");
        System.out.println("Java client: read finding " + first.getId() + ", wrote study " + created.getId());
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new IllegalStateException("Java client: expected " + what);
        }
    }
}
