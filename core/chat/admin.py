"""The moderation queue and the staff's tools (docs/chat.md). Every action calls a service, so
open pages hear of it live."""

from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join

from . import selectors, services
from .models import ChatMessage, ChatMute, ChatReport, ClosedCircleChat, Decision


def _messages_table(rows, *, marked_id=None):
    """Messages as an escaped table (format_html escapes every value: chat text is never markup).
    No inline styles (the Content-Security-Policy refuses them): the reported row says so."""
    if not rows:
        return "No messages left (deleted by retention)."
    body = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                "▶ reported" if row.pk == marked_id else "",
                f"{row.created_at:%Y-%m-%d %H:%M}",
                row.author.username,
                row.text,
                "hidden" if row.hidden else "",
            )
            for row in rows
        ),
    )
    return format_html("<table><tr><th></th><th>When</th><th>Who</th><th>Text</th><th></th></tr>{}</table>", body)


@admin.register(ChatReport)
class ChatReportAdmin(admin.ModelAdmin):
    """The moderation queue (filter by decision: Pending), each report with the messages around it."""

    list_display = ["created_at", "decision", "reporter", "message_author", "short_text", "reason"]
    list_filter = ["decision"]
    ordering = ["-created_at"]
    actions = ["hide_messages", "hide_and_mute_authors", "dismiss"]
    readonly_fields = [
        "message", "reporter", "reason", "created_at", "circle", "message_author", "message_text",
        "message_created_at", "surrounding_messages", "decision", "decided_at", "decided_by",
    ]
    fields = readonly_fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("reporter", "message_author", "circle")

    def has_add_permission(self, request):
        return False

    @admin.display(description="message")
    def short_text(self, report):
        return report.message_text[:60]

    @admin.display(description="surrounding messages")
    def surrounding_messages(self, report):
        if report.message is None:
            return "The message was deleted by retention; its text is kept above."
        return _messages_table(selectors.surrounding(report.message), marked_id=report.message_id)

    @admin.action(description="Hide the reported messages")
    def hide_messages(self, request, queryset):
        for report in queryset.select_related("message"):
            if report.message is not None:
                services.hide_message(report.message, by=request.user)
        services.decide_reports(list(queryset), decision=Decision.HIDDEN, by=request.user)
        self.message_user(request, "Hidden; members now see “removed by a moderator”.", messages.SUCCESS)

    @admin.action(description="Hide the messages and mute their authors")
    def hide_and_mute_authors(self, request, queryset):
        for report in queryset.select_related("message", "message_author"):
            services.hide_and_mute_author(report, by=request.user)
        self.message_user(request, "Hidden, and the authors muted.", messages.SUCCESS)

    @admin.action(description="Dismiss (no action needed)")
    def dismiss(self, request, queryset):
        count = services.decide_reports(list(queryset), decision=Decision.DISMISSED, by=request.user)
        self.message_user(request, f"{count} report(s) dismissed.", messages.SUCCESS)


@admin.register(ChatMessage)
class ChatMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "author", "circle", "short_text", "hidden"]
    list_filter = ["week_start"]
    search_fields = ["author__username", "text"]
    ordering = ["-id"]
    actions = ["hide", "unhide", "mute_authors", "turn_chat_off"]
    readonly_fields = ["circle", "week_start", "author", "text", "created_at", "hidden_at", "hidden_by"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author", "circle")

    def has_add_permission(self, request):
        return False

    @admin.display(description="text")
    def short_text(self, message):
        return message.text[:60]

    @admin.display(boolean=True)
    def hidden(self, message):
        return message.hidden

    @admin.action(description="Hide (members see “removed by a moderator”)")
    def hide(self, request, queryset):
        for message in queryset:
            services.hide_message(message, by=request.user)

    @admin.action(description="Show again")
    def unhide(self, request, queryset):
        for message in queryset:
            services.unhide_message(message, by=request.user)

    @admin.action(description="Mute the authors' chat (THRIVE_CHAT_MUTE_HOURS)")
    def mute_authors(self, request, queryset):
        for author in {message.author for message in queryset}:
            services.mute_person(author, by=request.user, reason="From the message list")

    @admin.action(description="Turn chat off for these messages' circles")
    def turn_chat_off(self, request, queryset):
        for circle in {message.circle for message in queryset}:
            services.close_circle_chat(circle, by=request.user)


@admin.register(ChatMute)
class ChatMuteAdmin(admin.ModelAdmin):
    list_display = ["user", "until", "reason", "created_by", "created_at"]
    search_fields = ["user__username"]
    raw_id_fields = ["user"]
    fields = ["user", "until", "reason"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ClosedCircleChat)
class ClosedCircleChatAdmin(admin.ModelAdmin):
    """Adding a row turns the circle's chat off; deleting it turns it on again (live, both)."""

    list_display = ["circle", "closed_at", "closed_by", "reason"]
    raw_id_fields = ["circle"]
    fields = ["circle", "reason"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:
            closure = services.close_circle_chat(obj.circle, by=request.user, reason=obj.reason)
            obj.pk = closure.pk

    def delete_model(self, request, obj):
        services.open_circle_chat(obj.circle)

    def delete_queryset(self, request, queryset):
        for closure in queryset.select_related("circle"):
            services.open_circle_chat(closure.circle)
