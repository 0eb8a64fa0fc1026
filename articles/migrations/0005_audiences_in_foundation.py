"""Audiences are ``foundation.Audience`` now (same table); bodies use the block library's ``BodyBlock``.
"""

from django.db import migrations
import modelcluster.fields
import wagtail.fields


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0004_outreach_pages'),
        ('foundation', '0001_initial'),
    ]

    operations = [
        # The database already holds these tables and columns: only Django's state changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='articlepage',
                    name='audiences',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_pages', to='foundation.audience', verbose_name='audiences'),
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterField(
            model_name='articlepage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('film', 8), ('video', 12), ('callout', 16), ('risk_disclosure', 18), ('red_flags', 22), ('steps', 27), ('faq', 32), ('quote', 35), ('table', 36), ('document', 39), ('official_contact', 41), ('event_list', 44), ('related_pages', 48)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Text', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {'label': 'Heading'}), 3: ('wagtail.blocks.RichTextBlock', (), {'label': 'Paragraph', 'template': 'blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {'label': 'Image'}), 7: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Film', 'page_type': ['campaigns.FilmPage']}), 8: ('wagtail.blocks.StructBlock', [[('film', 7)]], {'label': 'Film'}), 9: ('foundation.blocks.VideoURLBlock', (), {'label': 'Video URL'}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 200}), 11: ('wagtail.blocks.RichTextBlock', (), {'label': 'Transcript'}), 12: ('wagtail.blocks.StructBlock', [[('url', 9), ('title', 10), ('transcript', 11)]], {'label': 'Video'}), 13: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Information'), ('warning', 'Warning')], 'label': 'Tone'}), 14: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 15: ('wagtail.blocks.RichTextBlock', (), {'label': 'Text'}), 16: ('wagtail.blocks.StructBlock', [[('tone', 13), ('title', 14), ('text', 15)]], {'label': 'Callout'}), 17: ('wagtail.blocks.RichTextBlock', (), {'label': 'Disclosure'}), 18: ('wagtail.blocks.StructBlock', [[('text', 17)]], {}), 19: ('wagtail.blocks.CharBlock', (), {'default': 'Red flags', 'label': 'Title', 'max_length': 120}), 20: ('wagtail.blocks.CharBlock', (), {'max_length': 250}), 21: ('wagtail.blocks.ListBlock', (20,), {'label': 'Warning signs'}), 22: ('wagtail.blocks.StructBlock', [[('title', 19), ('items', 21)]], {'label': 'Red flags'}), 23: ('wagtail.blocks.CharBlock', (), {'label': 'Step', 'max_length': 120}), 24: ('wagtail.blocks.TextBlock', (), {'label': 'Details', 'required': False}), 25: ('wagtail.blocks.StructBlock', [[('title', 23), ('text', 24)]], {}), 26: ('wagtail.blocks.ListBlock', (25,), {'label': 'Steps'}), 27: ('wagtail.blocks.StructBlock', [[('title', 14), ('steps', 26)]], {'label': 'Steps'}), 28: ('wagtail.blocks.CharBlock', (), {'label': 'Question', 'max_length': 250}), 29: ('wagtail.blocks.RichTextBlock', (), {'label': 'Answer'}), 30: ('wagtail.blocks.StructBlock', [[('question', 28), ('answer', 29)]], {}), 31: ('wagtail.blocks.ListBlock', (30,), {'label': 'Questions'}), 32: ('wagtail.blocks.StructBlock', [[('items', 31)]], {}), 33: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 34: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'max_length': 120, 'required': False}), 35: ('wagtail.blocks.StructBlock', [[('quote', 33), ('attribution', 34)]], {'label': 'Quote'}), 36: ('wagtail.contrib.table_block.blocks.TableBlock', (), {'label': 'Table', 'template': 'blocks/table.html'}), 37: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 38: ('wagtail.blocks.CharBlock', (), {'label': 'Link text', 'max_length': 120, 'required': False}), 39: ('wagtail.blocks.StructBlock', [[('document', 37), ('title', 38)]], {'label': 'Document'}), 40: ('wagtail.snippets.blocks.SnippetChooserBlock', ('review.OfficialContact',), {'label': 'Official contact'}), 41: ('wagtail.blocks.StructBlock', [[('contact', 40)]], {'label': 'Official contact'}), 42: ('wagtail.blocks.CharBlock', (), {'default': 'Upcoming activities', 'label': 'Title', 'max_length': 120}), 43: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'label': 'How many', 'max_value': 12, 'min_value': 1}), 44: ('wagtail.blocks.StructBlock', [[('title', 42), ('count', 43)]], {'label': 'Event list'}), 45: ('wagtail.blocks.CharBlock', (), {'default': 'Related', 'label': 'Title', 'max_length': 120}), 46: ('wagtail.blocks.PageChooserBlock', (), {}), 47: ('wagtail.blocks.ListBlock', (46,), {'label': 'Pages'}), 48: ('wagtail.blocks.StructBlock', [[('title', 45), ('pages', 47)]], {'label': 'Related pages'})}, verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='quizpage',
            name='questions',
            field=wagtail.fields.StreamField([('question', 6)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Question', 'max_length': 300}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Option', 'max_length': 200}), 2: ('wagtail.blocks.BooleanBlock', (), {'label': 'This is the right answer', 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('text', 1), ('correct', 2)]], {}), 4: ('wagtail.blocks.ListBlock', (3,), {'label': 'Options', 'max_num': 5, 'min_num': 2}), 5: ('wagtail.blocks.RichTextBlock', (), {'label': 'Explanation'}), 6: ('wagtail.blocks.StructBlock', [[('question', 0), ('options', 4), ('explanation', 5)]], {})}, verbose_name='questions'),
        ),
        ]
