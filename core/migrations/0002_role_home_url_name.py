from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.RenameField(model_name="role", old_name="index", new_name="home_url_name"),
    ]
