// A read and a write through the TypeScript client generated from the served OpenAPI document (.ci/openapi).
import { Configuration, FindingsApi, StudiesApi } from './gen/ts';

function check(holds: boolean, what: string): void {
    if (!holds) {
        throw new Error(`TypeScript client: expected ${what}`);
    }
}

async function main(base: string, key: string, word: string): Promise<void> {
    const config = new Configuration({ basePath: base, accessToken: key });
    const findings = new FindingsApi(config);
    const page = await findings.listFindings({ size: 2 });
    check(page.content.length === 2, 'a page of two findings');
    const first = await findings.getFinding({ id: page.content[0].id });
    const evidence = first.evidence[0];
    check(evidence.prefix !== undefined && evidence.suffix !== undefined && evidence.exact.length > 0,
        'evidence with its prefix, exact quote and suffix');

    const studies = new StudiesApi(config);
    const created = await studies.createStudy({ studyRequest: { title: `A study written by the TypeScript client ${word}` } });
    check(created.population === null, 'a created study whose population is null');
    const patched = await studies.updateStudy({
        idOrSlug: String(created.id), ifMatch: `"${created.version}"`, studyPatch: { population: 'mice' },
    });
    check(patched.population === 'mice' && patched.version === created.version + 1,
        'a merge patch naming the version it changes');
    console.log(`TypeScript client: read finding ${first.id}, wrote study ${created.id}`);
}

main(process.argv[2], process.argv[3], process.argv[4]).catch(error => {
    console.error(error);
    process.exit(1);
});
