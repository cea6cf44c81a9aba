// The HTML handout checked by axe-core in headless Chromium (issue 16): every file named
// on the command line, WCAG 2.0/2.1/2.2 A and AA rules plus axe's best practices;
// prints each violation and exits 1 if there is any. Run by .ci/axe-check.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const files = process.argv.slice(2);
if (!files.length) {
  console.error("usage: node check.mjs FILE.html...");
  process.exit(2);
}
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
let failures = 0;
try {
  for (const file of files) {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.evaluate(axeSource);
    const result = await page.evaluate(() =>
      // eslint-disable-next-line no-undef
      axe.run(document, {
        runOnly: {
          type: "tag",
          values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
        },
      }),
    );
    for (const v of result.violations) {
      failures += 1;
      console.log(`${file}: ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} node(s)]`);
      for (const node of v.nodes.slice(0, 3)) console.log(`    ${node.target.join(" ")}`);
    }
    console.log(
      `${file}: axe-core ${result.testEngine.version}: ${result.violations.length} violation(s), ` +
        `${result.passes.length} rule(s) passed`,
    );
    await page.close();
  }
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
