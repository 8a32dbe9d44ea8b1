from django.urls import path

from . import views

urlpatterns = [
    path("xp/awards/", views.award_points, name="award_points"),
    path("me/streak/", views.login_streak, name="login_streak"),
    path("me/daily-login/", views.daily_login, name="daily_login"),
]
