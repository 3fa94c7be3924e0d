from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from rest_framework.authtoken.views import obtain_auth_token

from bizcard.cards.urls import api_urlpatterns, contact_urlpatterns, page_urlpatterns

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/auth/token/", obtain_auth_token, name="api-token"),
    path("api/", include((api_urlpatterns, "api"))),
    path("contacts/", include((contact_urlpatterns, "contacts"))),
    path("", include((page_urlpatterns, "cards"))),
]

handler400 = "bizcard.api_errors.handler400"
handler403 = "bizcard.api_errors.handler403"
handler404 = "bizcard.api_errors.handler404"
handler500 = "bizcard.api_errors.handler500"
