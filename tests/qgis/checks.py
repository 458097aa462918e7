"""What the check scripts share: a tally of named checks, its summary, and colour comparison."""


class Checks:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def check(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.failures.append(message)
        return condition

    def summary(self):
        """Prints one line per failure and "N passed, M failed"; the exit status (1 on any failure)."""
        for failure in self.failures:
            print("FAIL:", failure)
        print(f"{self.passed} passed, {len(self.failures)} failed")
        return 1 if self.failures else 0


def close_colours(got, want, tolerance=6):
    """Two QColors alike to within anti-aliasing and rounding."""
    return all(abs(a - b) <= tolerance for a, b in ((got.red(), want.red()), (got.green(), want.green()),
                                                    (got.blue(), want.blue())))


def run_in_qgis(checks):
    """Starts headless QGIS, runs checks(Checks()), stops QGIS; the exit status of the summary. Layers
    made inside `checks` must not outlive it: QGIS crashes on exit if one does."""
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    c = Checks()
    try:
        checks(c)
    finally:
        app.exitQgis()
    return c.summary()
