from rest_framework import serializers

from core.http.fields import StrictCharField

MIN_ENTRY_LENGTH = 10
MAX_ENTRY_LENGTH = 500


class EntryInputSerializer(serializers.Serializer):
    text = StrictCharField(min_length=MIN_ENTRY_LENGTH, max_length=MAX_ENTRY_LENGTH, help_text="Your prompt for the round.")


class YourEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()


class BattleEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    author = serializers.CharField(allow_null=True, help_text="Who wrote it; null (anonymous) until the battle closes.")
    votes = serializers.IntegerField(allow_null=True, help_text="Votes it got; null until the battle closes.")


class BattleRoundSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    prompt = serializers.CharField()
    your_entry = YourEntrySerializer(allow_null=True)
    can_enter = serializers.BooleanField(help_text="Open, not entered yet, and the round before it entered.")
    your_vote_entry_id = serializers.IntegerField(allow_null=True)
    entries = BattleEntrySerializer(many=True, help_text="Other people's entries: shown once you entered the round, in an order of your own.")
    entry_count = serializers.IntegerField(help_text="Entries in the round, yours included.")


class BattleXPSerializer(serializers.Serializer):
    participate = serializers.IntegerField()
    round = serializers.IntegerField()
    win = serializers.IntegerField()


class WinnerSerializer(serializers.Serializer):
    username = serializers.CharField()
    votes = serializers.IntegerField()


class BattleResultSerializer(serializers.Serializer):
    battle_id = serializers.IntegerField()
    is_closed = serializers.BooleanField()
    closes_at = serializers.DateTimeField()
    winners = WinnerSerializer(many=True, help_text="Everyone with the most votes (a tie: all of them); empty until it closes.")
    you_won = serializers.BooleanField()
    your_votes = serializers.IntegerField()
    points_awarded = serializers.IntegerField(help_text="The win XP you earned.")


class PromptBattleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    challenge = serializers.CharField()
    week_start = serializers.DateField()
    closes_at = serializers.DateTimeField()
    is_open = serializers.BooleanField()
    is_closed = serializers.BooleanField(help_text="The result is in.")
    can_vote = serializers.BooleanField()
    xp = BattleXPSerializer()
    rounds = BattleRoundSerializer(many=True)
    result = BattleResultSerializer(allow_null=True)


class EntryResultSerializer(serializers.Serializer):
    points_awarded = serializers.IntegerField()
    message = serializers.CharField()
    entry = YourEntrySerializer()


class VoteResultSerializer(serializers.Serializer):
    entry_id = serializers.IntegerField()
    round = serializers.IntegerField()
    message = serializers.CharField()
