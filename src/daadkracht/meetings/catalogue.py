"""The texts of the methods catalogue: what each method is for and how to run it.

The methods themselves are platform rows (`Method`, seeded by a data migration) that meetings
refer to; their texts live here, as translatable messages, so that every municipality reads
them in its own language.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class AgendaTemplate:
    """A ready agenda for a meeting of a method: a title and its items."""

    key: str
    title: Any
    items: tuple[Any, ...]

    def as_text(self) -> str:
        return "\n".join(f"{number}. {item}" for number, item in enumerate(self.items, 1))


@dataclass(frozen=True)
class MethodText:
    key: str
    name: Any
    summary: Any
    purpose: Any
    when_to_use: Any
    participants: Any
    preparation: tuple[Any, ...]
    guide: tuple[Any, ...]
    tips: tuple[Any, ...]
    materials: tuple[Any, ...]
    agendas: tuple[AgendaTemplate, ...]

    def agenda(self, key: str) -> AgendaTemplate | None:
        return next((a for a in self.agendas if a.key == key), None)

    @property
    def evaluation(self) -> "tuple[EvaluationQuestion, ...]":
        """The questions participants answer after a meeting of this method."""
        return evaluation_form(self.key)


WORKSHOP = "workshop"
KICK_OFF_DAY = "kick-off-day"
LUNCH_TALK = "lunch-talk"
CLIMATE_TEAM = "climate-team"

# The moderator's part in every method: the municipality runs it, the coach prepares it with
# them, is there on the day and evaluates afterwards.
_TRAIN_THE_TRAINER = _(
    "Someone of the municipality leads the session; the coach prepares it with them beforehand, "
    "stays in the background on the day and evaluates it with them afterwards."
)

METHODS: dict[str, MethodText] = {
    WORKSHOP: MethodText(
        key=WORKSHOP,
        name=_("Workshop"),
        summary=_("A working session with representatives of the departments on one theme."),
        purpose=_(
            "Look together at how the departments work on the climate plan today and agree on "
            "what to change: the culture and structure of working together, the administrative "
            "collaboration model, political support, and how the actions dashboard is used."
        ),
        when_to_use=_(
            "After the diagnosis, when its results give something to talk about, and whenever "
            "the way of working needs a joint look."
        ),
        participants=_(
            "One or two representatives of each department involved, the climate coordinator "
            "and, for political support, the alderman responsible."
        ),
        preparation=(
            _("Choose the theme and the agenda template that fits it."),
            _("Invite the departments at least three weeks ahead."),
            _("Bring the diagnosis results: the matrix and the network drawing."),
            _("Agree with the coach who moderates which part."),
            _("Book a room with space for working in small groups."),
        ),
        guide=(
            _TRAIN_THE_TRAINER,
            _("Open with why the climate plan needs every department, in five minutes at most."),
            _("Let the groups work on concrete cases, not on principles."),
            _("End with who does what by when, and write it down as work agreements."),
        ),
        tips=(
            _("Mix the departments in every group."),
            _("Keep the alderman's part short and at the start or the end."),
            _("Send the notes within a week, with the agreements made."),
        ),
        materials=(
            _("Post-its and markers"),
            _("Flip charts"),
            _("The diagnosis results printed in A3"),
            _("The actions dashboard on a screen"),
        ),
        agendas=(
            AgendaTemplate(
                key="culture-structure",
                title=_("Culture and structure of working together"),
                items=(
                    _("Welcome and purpose of the session"),
                    _("What the diagnosis shows about working together today"),
                    _("In groups: what helps and what hinders working across departments"),
                    _("Which structures we keep, change or start"),
                    _("Agreements and next steps"),
                ),
            ),
            AgendaTemplate(
                key="collaboration-model",
                title=_("The administrative collaboration model"),
                items=(
                    _("Welcome and purpose of the session"),
                    _("Who coordinates, which teams meet and how often"),
                    _("Each department's climate contact"),
                    _("How decisions reach the executive board"),
                    _("Agreements and next steps"),
                ),
            ),
            AgendaTemplate(
                key="political-support",
                title=_("Political support"),
                items=(
                    _("Welcome and purpose of the session"),
                    _("The commitments of the Covenant of Mayors and the climate plan"),
                    _("What the aldermen expect and what the departments need from them"),
                    _("How and when the executive board is informed"),
                    _("Agreements and next steps"),
                ),
            ),
            AgendaTemplate(
                key="actions-dashboard",
                title=_("The dashboard for climate actions"),
                items=(
                    _("Welcome and purpose of the session"),
                    _("Monitoring during execution: what the dashboard shows and who updates it"),
                    _("Prioritising: which actions first, and by which criteria"),
                    _("Adjusting course: late and stalled actions, and the decisions they need"),
                    _("Agreements and next steps"),
                ),
            ),
        ),
    ),
    KICK_OFF_DAY: MethodText(
        key=KICK_OFF_DAY,
        name=_("Kick-off day"),
        summary=_(
            "A plenary day on which one representative per department works on concrete actions."
        ),
        purpose=_(
            "Give the execution of the climate plan a fresh start: colleagues of every "
            "department work together, in a pleasant way, on specific climate actions of their "
            "policy domains."
        ),
        when_to_use=_(
            "When the plan is approved but its execution is slow to start, or to restart it "
            "after a standstill."
        ),
        participants=_("One representative per department, the climate coordinator and the coach."),
        preparation=(
            _("Choose the actions to work on, grouped per policy domain."),
            _("Ask each head of department to name one representative."),
            _("Prepare a sheet per action: its goal, its state and the open questions."),
            _("Plan a lunch or break where people can talk informally."),
        ),
        guide=(
            _TRAIN_THE_TRAINER,
            _("Start with what has already been done: successes give energy."),
            _("Let each table work on the actions of one policy domain."),
            _("Ask every table for a next step per action, with a department and a date."),
        ),
        tips=(
            _("Choose a place outside the town hall if you can."),
            _("Keep the speeches short; most of the day is work at the tables."),
            _("Close with the agreements read out, so that everyone hears them."),
        ),
        materials=(
            _("A sheet per action"),
            _("Flip charts per table"),
            _("Name badges with the department"),
        ),
        agendas=(
            AgendaTemplate(
                key="kick-off-day",
                title=_("Kick-off day"),
                items=(
                    _("Welcome by the alderman: why we start again today"),
                    _("What has been done so far"),
                    _("Work at the tables: concrete actions per policy domain"),
                    _("Lunch"),
                    _("Each table presents its next steps"),
                    _("Agreements and closing"),
                ),
            ),
        ),
    ),
    LUNCH_TALK: MethodText(
        key=LUNCH_TALK,
        name=_("Lunch talk"),
        summary=_(
            "A one-to-one talk between the sustainability department and one other department."
        ),
        purpose=_(
            "Look for a win-win between the sustainability department and one other department, "
            "and end with actions and work agreements that both support."
        ),
        when_to_use=_(
            "When a department has little to do with the climate plan yet, or when working "
            "together with it is difficult."
        ),
        participants=_(
            "The climate coordinator and one or two colleagues of the other department, "
            "preferably its head."
        ),
        preparation=(
            _("Read the other department's actions and plans in advance."),
            _("Think of two or three things where both departments gain."),
            _("Arrange an informal place and a simple lunch."),
        ),
        guide=(
            _TRAIN_THE_TRAINER,
            _("Ask first what the other department is working on and what worries it."),
            _("Look for what the climate plan can do for them, not only the other way around."),
            _("Write down the actions and work agreements before you leave the table."),
        ),
        tips=(
            _("Keep it small: two to four people."),
            _("Do not bring a long list; one good agreement is worth more."),
            _("Plan a short follow-up three months later."),
        ),
        materials=(_("The other department's actions, printed"), _("A notebook")),
        agendas=(
            AgendaTemplate(
                key="lunch-talk",
                title=_("Lunch talk"),
                items=(
                    _("What each department is working on"),
                    _("Where the climate plan and their work meet"),
                    _("Win-win: what we could do together"),
                    _("Actions and work agreements"),
                ),
            ),
        ),
    ),
    CLIMATE_TEAM: MethodText(
        key=CLIMATE_TEAM,
        name=_("Climate team"),
        summary=_("A standing team per theme, with heads and experts of the departments involved."),
        purpose=_(
            "Steer the actions of one theme together, across departments, at a steady rhythm. "
            "Buildings and mobility usually come first: they weigh most on CO2 emissions."
        ),
        when_to_use=_(
            "For themes whose actions need several departments for a long time, once the first "
            "agreements have been made."
        ),
        participants=_(
            "The heads and experts of the departments involved in the theme, with a chair."
        ),
        preparation=(
            _("Choose the theme and the departments involved."),
            _("Find a chair who is respected by the departments."),
            _("Agree how often the team meets and whom it reports to."),
            _("List the theme's actions and their state."),
        ),
        guide=(
            _TRAIN_THE_TRAINER,
            _("Go through the theme's actions at every meeting: late ones first."),
            _("Turn every open question into a decision or a work agreement."),
            _("Report the decisions to the executive board as agreed."),
        ),
        tips=(
            _("Keep the team small enough to decide."),
            _("Invite an expert for a topic rather than as a permanent member."),
            _("Look back once a year at what the team achieved."),
        ),
        materials=(_("The actions dashboard of the theme"), _("The work agreements of the theme")),
        agendas=(
            AgendaTemplate(
                key="climate-team",
                title=_("Climate team meeting"),
                items=(
                    _("Decisions and agreements of the last meeting"),
                    _("The theme's actions: late and stalled ones first"),
                    _("Decisions to take or to bring to the executive board"),
                    _("Work agreements and next meeting"),
                ),
            ),
        ),
    ),
}

# The order of the catalogue: the data migration seeds the methods in this order.
METHOD_KEYS = [WORKSHOP, KICK_OFF_DAY, LUNCH_TALK, CLIMATE_TEAM]


def method_text(key: str) -> MethodText | None:
    return METHODS.get(key)


# The evaluation form: after a meeting, the participants say what worked and what to change,
# so that the municipality and the coach can adjust the next session.


class AnswerKind:
    TEXT = "text"  # an open answer, optional
    SCALE = "scale"  # 1 to 5, required
    CHOICE = "choice"  # yes, partly or no, required


@dataclass(frozen=True)
class EvaluationQuestion:
    key: str
    text: Any
    kind: str
    help: Any = ""

    @property
    def is_open(self) -> bool:
        return self.kind == AnswerKind.TEXT


USEFULNESS = "usefulness"
USEFULNESS_LABELS = {
    1: _("not useful"),
    2: _("hardly useful"),
    3: _("somewhat useful"),
    4: _("useful"),
    5: _("very useful"),
}
CHOICE_LABELS = {"yes": _("yes"), "partly": _("partly"), "no": _("no")}

COMMON_QUESTIONS = (
    EvaluationQuestion("worked", _("What worked well?"), AnswerKind.TEXT),
    EvaluationQuestion("change", _("What should we do differently next time?"), AnswerKind.TEXT),
    EvaluationQuestion(
        USEFULNESS,
        _("How useful was this meeting for your work on the climate plan?"),
        AnswerKind.SCALE,
        _("1 is not useful, 5 is very useful."),
    ),
)

# One or two questions per method about the effect it is meant to have.
METHOD_QUESTIONS: dict[str, tuple[EvaluationQuestion, ...]] = {
    WORKSHOP: (
        EvaluationQuestion(
            "who-does-what",
            _("Is it clear who does what next, and by when?"),
            AnswerKind.CHOICE,
        ),
        EvaluationQuestion(
            "next-session",
            _("Which subject needs another session?"),
            AnswerKind.TEXT,
        ),
    ),
    KICK_OFF_DAY: (
        EvaluationQuestion(
            "own-actions",
            _("Do you know now which concrete actions your department takes on?"),
            AnswerKind.CHOICE,
        ),
        EvaluationQuestion(
            "first-action",
            _("Which action does your department start with first?"),
            AnswerKind.TEXT,
        ),
    ),
    LUNCH_TALK: (
        EvaluationQuestion(
            "win-win",
            _("Did you find a win-win with the other department?"),
            AnswerKind.CHOICE,
        ),
        EvaluationQuestion(
            "together",
            _("Which action or work agreement will you take up together?"),
            AnswerKind.TEXT,
        ),
    ),
    CLIMATE_TEAM: (
        EvaluationQuestion(
            "right-people",
            _("Are the right departments and people around the table?"),
            AnswerKind.CHOICE,
        ),
        EvaluationQuestion(
            "next-meeting",
            _("What should the team take up at its next meeting?"),
            AnswerKind.TEXT,
        ),
    ),
}


def evaluation_form(method_key: str | None) -> tuple[EvaluationQuestion, ...]:
    """The common questions, then those of the method (none for a meeting of no method)."""
    return COMMON_QUESTIONS + METHOD_QUESTIONS.get(method_key or "", ())
