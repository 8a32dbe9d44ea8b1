"""The starting question bank, loaded by migration 0002; operators edit it in the admin afterwards."""

# (prompt, [choices], index of the right one, explanation)
STARTING_QUESTIONS = [
    ("What does a language model predict?", ["The next token", "The weather", "A database row"], 0,
     "A language model writes text one token at a time, each time predicting the most likely next token."),
    ("Which prompt is usually clearer?", ["Do it", "Summarise this article in three bullet points", "???"], 1,
     "Clear prompts name the task, the input and the shape of the answer you want."),
    ("What is a good first step when a model's answer looks wrong?",
     ["Give up", "Check the facts and refine the prompt", "Shout at it"], 1,
     "Models can be confidently wrong: verify, then say more precisely what you need."),
    ("What is a 'hallucination' in AI?", ["A made-up answer stated as fact", "A picture the model draws", "A slow response"], 0,
     "A hallucination is content that sounds plausible but is not grounded in fact."),
    ("Why give a model an example of the output you want?", ["It is required", "It shows the format and tone to follow", "It makes it faster"], 1,
     "Examples ('few-shot' prompting) show the model the pattern to copy."),
    ("What should you never paste into a public AI tool?", ["A recipe", "Passwords or private data", "A poem"], 1,
     "Treat prompts as potentially stored or seen by others: keep secrets and personal data out."),
    ("What does 'temperature' change in text generation?", ["The server's heat", "How varied the answers are", "The language used"], 1,
     "Higher temperature makes the model pick less likely tokens, so answers vary more."),
    ("Which is a good way to ask for a long piece of work?", ["All at once, no details", "In steps, checking each part", "Only in capital letters"], 1,
     "Breaking work into steps lets you check and steer each part."),
    ("What is a 'token'?", ["A login code", "A piece of text the model reads and writes", "A reward"], 1,
     "Models read and write text in tokens: whole words or parts of words."),
]
