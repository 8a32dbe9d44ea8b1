from rest_framework import serializers

from core.http.fields import StrictCharField, StrictIntegerField


class QuizQuestionSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    prompt = serializers.CharField()
    choices = serializers.SerializerMethodField()

    def get_choices(self, question) -> list[str]:
        return [choice.text for choice in question.choices.all()]


class QuizSerializer(serializers.Serializer):
    id = serializers.UUIDField(help_text="This quiz attempt; send it back with the answers.")
    title = serializers.CharField()
    questions = QuizQuestionSerializer(many=True)


class QuizAnswersSerializer(serializers.Serializer):
    quiz_id = serializers.UUIDField(required=False, help_text="The quiz being answered; default: your latest open one.")
    answers = serializers.ListField(
        child=StrictIntegerField(min_value=0, max_value=20),
        min_length=1,
        max_length=20,
        help_text="The chosen choice index for each question, in order.",
    )


class AnswerReviewSerializer(serializers.Serializer):
    question_id = serializers.IntegerField()
    prompt = serializers.CharField()
    choices = serializers.ListField(child=serializers.CharField())
    chosen = serializers.IntegerField(help_text="The index you chose.")
    right = serializers.IntegerField(help_text="The index of the right answer.")
    is_correct = serializers.BooleanField()
    explanation = serializers.CharField()


class QuizResultSerializer(serializers.Serializer):
    correct = serializers.IntegerField()
    total = serializers.IntegerField()
    score = serializers.IntegerField()
    points_awarded = serializers.IntegerField()
    message = serializers.CharField()
    review = AnswerReviewSerializer(many=True, help_text="Each question with the right answer explained.")


class NewProjectSerializer(serializers.Serializer):
    title = StrictCharField(min_length=3, max_length=100)
    description = StrictCharField(max_length=1000, required=False, allow_blank=True, default="")


class MilestoneInputSerializer(serializers.Serializer):
    title = StrictCharField(min_length=3, max_length=100)


class MilestoneSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    reached_at = serializers.DateTimeField()


class ProjectSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField()
    created_at = serializers.DateTimeField()
    published_at = serializers.DateTimeField(allow_null=True)
    milestones = MilestoneSerializer(many=True, source="milestones.all")


class ProjectListSerializer(serializers.Serializer):
    projects = ProjectSerializer(many=True)


class ProjectResultSerializer(serializers.Serializer):
    points_awarded = serializers.IntegerField()
    message = serializers.CharField()
    project = ProjectSerializer()
