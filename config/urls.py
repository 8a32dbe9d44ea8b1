from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from core.notifications.urls import api_urlpatterns as notification_api, page_urlpatterns as notification_pages
from core.views import frontend

api_v1 = [
    path("auth/", include("core.users.urls")),
    path("me/", include("core.circles.urls")),
    path("me/", include("core.insights.me_urls")),
    path("me/", include("core.quests.urls")),
    path("me/", include("core.live.urls")),
    path("me/", include("core.together.urls")),
    path("me/", include("core.chat.urls")),
    path("me/", include("core.preferences.urls")),
    path("me/", include((notification_api, "notifications"))),
    path("", include("core.circles.api_urls")),
    path("", include("core.points.urls")),
    path("", include("core.insights.urls")),
    path("", include("core.launch.urls")),
    path("", include("core.moments.urls")),
    path("", include("core.activities.urls")),
    path("", include("core.battles.urls")),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view loads its start-up script from /api/docs/?script=, not inline (the CSP refuses inline scripts).
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema", template_name="api/swagger_ui.html"),
         name="api-docs"),
    *notification_pages,
    # Everything else is the single-page app, which routes on the client.
    re_path(r"^(?!api/|admin/|static/).*$", frontend, name="frontend"),
]

handler404 = "core.views.not_found"
handler500 = "core.views.server_error"
