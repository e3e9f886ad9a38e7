"""The menus editors choose: the header's links and the footer's."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('blog', '0006_people_and_redirects_move_to_clinic'),
        ('clinic_site', '0001_initial'),
        ('pages', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='MenuItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('menu', models.CharField(choices=[('header', 'Header menu'), ('footer', 'Footer links')], default='header', max_length=10)),
                ('position', models.PositiveSmallIntegerField(default=0, help_text='Items with lower numbers come first.')),
                ('label', models.CharField(blank=True, help_text="The words of the link. Leave empty to use the page's title, the category's name or the section's name.", max_length=60)),
                ('section', models.CharField(blank=True, choices=[('blog:article_list', 'All articles'), ('clinic:physician_list', 'Physicians'), ('clinic:location_list', 'Locations'), ('appointments:request', 'Request an appointment')], help_text='A part of the site that is always there.', max_length=40)),
                ('url', models.URLField(blank=True, help_text='Another website, e.g. https://www.patientportal.example.', validators=[django.core.validators.URLValidator(code='web_address', message='Enter a web address that starts with https:// or http://.', schemes=['https', 'http'])], verbose_name='outside address')),
                ('category', models.ForeignKey(blank=True, help_text='Its list of articles.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='blog.category')),
                ('page', models.ForeignKey(blank=True, help_text='The link shows only while the page is published.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='pages.page')),
            ],
            options={
                'ordering': ['-menu', 'position', 'pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('category', None), ('page__isnull', False), ('section', ''), ('url', '')), models.Q(('category__isnull', False), ('page', None), ('section', ''), ('url', '')), models.Q(('category', None), ('page', None), ('section__gt', ''), ('url', '')), models.Q(('category', None), ('page', None), ('section', ''), ('url__gt', '')), _connector='OR'), name='menu_item_has_one_target')],
            },
        ),
    ]
