"""The AI-assisted pre-check's cost: figures, not a test.

    .venv/bin/python bench/precheck.py [--runs 20]

Builds the demo in a throw-away SQLite database and prints: the process's memory before and after
the model loads and trains (the budget is 200 MB more), the time of the first (cold) check, and
the median and worst of ``--runs`` warm pre-checks of a 3,000-character article page, against the
same checks with the claim check left out (rules, phone numbers, links...) measured in the same
run. Target: a warm pre-check well under half a second.
"""

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def rss_mb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


def timed(function, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="precheck-bench-"))
    os.environ.update(DJANGO_SETTINGS_MODULE="portal.settings.dev", DATABASE_URL=f"sqlite:///{work}/bench.sqlite3",
                      MEDIA_ROOT=str(work / "media"), ELASTICSEARCH_URL="")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))

    from articles.models import ArticlePage
    from review import checks, claims, classifier

    page = ArticlePage.objects.live().filter(locale__language_code="zh-hans").first()
    sentence = "第{run}版第{n}段：保险不是存款，收益不确定。本金不会亏，年化收益百分之八，比存银行划算。请认准官方热线95511。"
    count = 3000 // len(sentence) + 1
    runs = iter(range(10**6))

    def edited_page():
        """The page as an editor's next save leaves it: every sentence new, so none is embedded yet."""
        run = next(runs)
        page.body = json.dumps([{"type": "paragraph", "value": f"<p>{sentence.format(run=run, n=n)}</p>"}
                                for n in range(count)])
        return page

    characters = len(sentence) * count

    before = rss_mb()
    start = time.perf_counter()
    classifier.current()
    trained = time.perf_counter() - start
    after = rss_mb()
    start = time.perf_counter()
    checks.run_checks(edited_page())
    first = time.perf_counter() - start

    warm = timed(lambda: checks.run_checks(edited_page()), args.runs)
    without = [check for check in checks.CHECKS if check is not claims.check_claims]
    baseline = timed(lambda: [list(check(checks.ReviewContent.of(edited_page()))) for check in without], args.runs)
    print(f"page: about {characters} characters in {count} paragraphs, new text on every run")
    print(f"memory: {before:.0f} MB before the model, {after:.0f} MB after it trained (+{after - before:.0f} MB; "
          f"budget +200 MB); peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"training on {len(classifier.current().examples)} examples: {trained:.2f} s; first check: {first:.3f} s")
    print(f"warm pre-check: median {warm[0] * 1000:.0f} ms, worst {warm[1] * 1000:.0f} ms over {args.runs} runs "
          f"(target well under 500 ms)")
    print(f"the other checks alone: median {baseline[0] * 1000:.0f} ms, worst {baseline[1] * 1000:.0f} ms "
          f"(the claim check costs {(warm[0] - baseline[0]) * 1000:.0f} ms of the median)")


if __name__ == "__main__":
    main()
