from django.db import migrations


def load(apps, schema_editor):
    from core.activities.bank import STARTING_QUESTIONS

    Question = apps.get_model("activities", "Question")
    Choice = apps.get_model("activities", "Choice")
    if Question.objects.exists():
        return
    for prompt, choices, right, explanation in STARTING_QUESTIONS:
        question = Question.objects.create(prompt=prompt, explanation=explanation)
        Choice.objects.bulk_create(
            Choice(question=question, text=text, is_correct=index == right, position=index) for index, text in enumerate(choices)
        )


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
