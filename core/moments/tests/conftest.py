from core.live.tests.conftest import two_circles  # noqa: F401  (the live circle's fixture: ana and ben in one circle, cy in another)
