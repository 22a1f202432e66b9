"""The HTML report in a real browser (headless Chromium): what a person sees. The decision is
visible, a folded condition tree opens when its summary is clicked, and nothing is fetched from
the network. Skipped, with the reason printed, only where no Chromium is installed; `make
test-browser` installs it (Debian `chromium`) and runs this file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import REPO, run

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
BROWSER = next((b for b in map(shutil.which, BROWSERS) if b), None)
SCREENSHOT = os.environ.get("CARESQ_SCREENSHOT")   # where to keep a screenshot (make test-browser)

# Run in the page after it loaded: what is visible before and after a click on a folded tree.
PROBE = """
<script>
window.addEventListener('load', () => {
  // checkVisibility() also sees content that a closed <details> keeps out of view.
  const visible = el => !!el && el.checkVisibility({visibilityProperty: true}) && el.getClientRects().length > 0;
  const outcome = document.querySelector('.decision .outcome');
  const folded = [...document.querySelectorAll('details')].find(d => !d.open);
  const inner = folded.querySelector('ul li');
  const before = visible(inner);
  folded.querySelector('summary').click();
  const result = {outcome: outcome.innerText, outcomeVisible: visible(outcome), hiddenBefore: !before,
                  visibleAfter: visible(inner), opened: folded.open,
                  external: [...document.querySelectorAll('[src],[href]')].length};
  document.body.insertAdjacentHTML('beforeend', '<pre id="probe">' + JSON.stringify(result) + '</pre>');
});
</script>
"""


def _chromium(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    if BROWSER is None:
        reason = f"no Chromium found (looked for {', '.join(BROWSERS)}); run `make test-browser`"
        print(reason)
        pytest.skip(reason)
    path = tmp_path_factory.mktemp("html") / "fysio_b.html"
    result = run("explain", str(REPO / "examples/providers/paramedische_zorg/fysio_b.lp"), "--format", "html", "--doel", "A",
                 "--uitvoer", str(path))
    assert result.exit_code == 0
    return path


def test_the_decision_is_visible_and_the_tree_opens(report, tmp_path):
    probed = tmp_path / "probed.html"
    probed.write_text(report.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = _chromium("--dump-dom", probed.as_uri())
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.rsplit('<pre id="probe">', 1)[1].split("</pre>")[0])
    assert found["outcome"] == "Fysiotherapie: Zorgovereenkomst B"
    assert found["outcomeVisible"]
    assert found["hiddenBefore"] and found["opened"] and found["visibleAfter"]
    assert found["external"] == 0   # self-contained: no link, image or script to fetch


def test_a_screenshot_is_taken(report, tmp_path):
    target = tmp_path / "report.png"
    result = _chromium(f"--screenshot={target}", "--window-size=1100,1500", "--hide-scrollbars", report.as_uri())
    assert result.returncode == 0, result.stderr
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if SCREENSHOT:
        shutil.copyfile(target, SCREENSHOT)
