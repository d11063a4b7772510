"""The shape of the gates that keep a signed-in user on one page until they have done something."""


class SignedInUserGate:
    """Middleware that may send a signed-in user elsewhere before a view runs. Subclasses say where in
    `redirect_for(request, user)`, or return None to let the view run; visitors always pass."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        return self.redirect_for(request, request.user)

    def redirect_for(self, request, user):
        raise NotImplementedError
