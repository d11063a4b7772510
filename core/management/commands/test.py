from django.core.management.commands import test


class Command(test.Command):
    """Django's test command, whose runner is pytest (tests/runner.py): what follows `--` goes to pytest as
    it is, even after test labels, where Django's argument parser would refuse it."""

    pytest_arguments = ()

    def run_from_argv(self, argv):
        if "--" in argv:
            split = argv.index("--")
            argv, self.pytest_arguments = argv[:split], argv[split + 1 :]
        super().run_from_argv(argv)

    def handle(self, *test_labels, **options):
        super().handle(*test_labels, *self.pytest_arguments, **options)
