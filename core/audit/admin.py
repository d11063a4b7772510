"""The audit trail in Django's admin: to read and filter, never to add, change or delete."""

from django.contrib import admin

from core.audit.models import AdminAction


@admin.register(AdminAction)
class AdminActionAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor_email", "action", "target_email", "ip", "detail"]
    list_filter = ["action", "created_at"]
    search_fields = ["actor_email", "target_email", "detail"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
