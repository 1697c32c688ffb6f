package org.cailab.redteam.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.cailab.base.ui.CompletionPanel;
import org.cailab.base.ui.ShortcutLegend;
import org.cailab.base.ui.Watching;
import org.cailab.crowdwork.ui.PagePush;
import org.cailab.crowdwork.ui.WorkerPageHeader;
import org.cailab.redteam.AttemptAlreadyRatedException;
import org.cailab.redteam.PendingReply;
import org.cailab.redteam.RatingReceipt;
import org.cailab.redteam.RatingRequest;
import org.cailab.redteam.RedTeamException;
import org.cailab.redteam.RedTeamService;
import org.cailab.redteam.RedTeamState;
import org.cailab.redteam.WorkerAttempt;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * The worker's red-team page: describe the task, talk with one anonymous model (its answers stream in), then rate
 * the attempt 0-4 with the meaning of each point on the page. Every action has a keyboard shortcut listed on the page.
 * The page shows what the service returns and decides nothing itself: the service refuses bad or second ratings.
 */
@Route("redteam/:campaignId([0-9]{1,18})")
@PageTitle("Red team | Constitutional AI Lab")
@RolesAllowed(Role.WORKER_ROLE)
@StyleSheet("app/redteam.css")
class RedTeamView extends VerticalLayout implements BeforeEnterObserver, PagePush.Target {

    private static final int MAX_TASK = 1000;
    private static final int MAX_MESSAGE = 4000;

    private final RedTeamService redTeam;
    private final WorkerPageHeader header =
            new WorkerPageHeader("rt-header", RedTeamShortcut.GUIDELINES, this::openGuidelines);
    private final Span notice = header.notice();
    private final Div task = new Div();
    private final TaskForm taskForm = new TaskForm(this::start, MAX_TASK);
    private final AttemptLog log = new AttemptLog();
    private final AttemptComposer composer = new AttemptComposer(this::send, this::finish, this::giveUp, MAX_MESSAGE);
    private final RatingPanel rating = new RatingPanel(this::rate, this::backToConversation);
    private final CompletionPanel completion = new CompletionPanel("attempts", "rt-code");
    private final Div work = new Div(task, log, composer, rating);
    private final Div legendSlot = new Div();

    private long campaignId;
    private @Nullable RedTeamState state;
    private @Nullable Long turnId;
    private final Watching watching = new Watching(this);
    private String lastMessage = "";

    RedTeamView(RedTeamService redTeam) {
        this.redTeam = redTeam;
        addClassName("rt-page");
        task.setId("task");
        task.addClassName("rt-task");
        work.addClassName("rt-work");
        add(header, notice, taskForm, work, completion, legendSlot);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        campaignId = event.getRouteParameters().getLong("campaignId").orElse(0L);
        try {
            render(redTeam.open(campaignId));
        } catch (RedTeamException e) {
            header.setTitle("Red team");
            taskForm.setVisible(false);
            work.setVisible(false);
            notice.setText(e.getMessage());
            return;
        }
        if (state != null && !state.guidelinesSeen()) {
            openGuidelines();
        }
    }

    private void render(RedTeamState newState) {
        state = newState;
        header.setTitle(newState.campaign().name());
        Integer quota = newState.campaign().quota();
        header.setProgress("Attempts rated: " + newState.attemptsDone() + (quota == null ? "" : " of " + quota));
        legendSlot.removeAll();
        ShortcutLegend legend = RedTeamShortcut.legend(newState.campaign().askTaskHarm());
        legend.setId("shortcut-legend");
        legendSlot.add(legend);
        WorkerAttempt attempt = newState.attempt();
        if (newState.completionCode() != null && attempt == null) {
            stopWatching();
            taskForm.setVisible(false);
            work.setVisible(false);
            legendSlot.setVisible(false);
            notice.setText("");
            completion.show(newState.completionCode());
            return;
        }
        if (attempt == null) {
            stopWatching();
            work.setVisible(false);
            rating.close();
            if (newState.canStart()) {
                taskForm.showAndFocus();
            } else {
                taskForm.setVisible(false);
                notice.setText("This campaign is closed.");
            }
            return;
        }
        taskForm.setVisible(false);
        work.setVisible(true);
        task.setText("Your task: " + attempt.taskDescription());
        PendingReply pending = attempt.pending();
        log.show(attempt.exchanges(), pending == null ? null : pending.humanMessage());
        if (pending != null) {
            follow(pending);
            return;
        }
        stopWatching();
        turnId = null;
        if (rating.isOpen()) {
            return;
        }
        composer.setState(attempt.turnsLeft() > 0 && newState.campaign().open(), attempt.canRate());
        if (attempt.turnsLeft() == 0 && attempt.canRate()) {
            finish();
            notice.setText("You have used all your messages. Rate your attempt: press 0-4, then Enter.");
        } else {
            notice.setText(
                    attempt.exchanges().isEmpty()
                            ? "Write your first message."
                            : "Messages left: " + attempt.turnsLeft() + ". Continue, or finish and rate (Alt+R).");
        }
    }

    /** Streams the answer to the worker's message until it is complete. */
    private void follow(PendingReply pending) {
        stopWatching();
        turnId = pending.turnId();
        composer.setState(false, false);
        notice.setText("The answer is being written...");
        watching.watch(redTeam.watch(
                pending.turnId(), new ReplyStream(new PagePush(UI.getCurrent(), this, pending.turnId())))::close);
    }

    @Override
    public void text(long turn, int answer, String text) {
        if (turnId != null && turnId == turn) {
            log.streamed(text);
        }
    }

    @Override
    public void ready(long turn, List<String> answers) {
        if (turnId != null && turnId == turn) {
            turnId = null;
            reload();
        }
    }

    @Override
    public void failed(long turn, String message) {
        if (turnId != null && turnId == turn) {
            turnId = null;
            reload();
            composer.restore(lastMessage);
            notice.setText(message);
        }
    }

    private void start(String description) {
        try {
            render(redTeam.start(campaignId, description));
        } catch (RedTeamException e) {
            notice.setText(e.getMessage());
        }
    }

    private void send(String message) {
        RedTeamState current = state;
        if (current == null || current.attempt() == null) {
            return;
        }
        lastMessage = message;
        try {
            PendingReply pending = redTeam.send(campaignId, current.attempt().id(), message);
            composer.clear();
            log.show(current.attempt().exchanges(), pending.humanMessage());
            follow(pending);
        } catch (RedTeamException e) {
            notice.setText(e.getMessage());
        }
    }

    private void finish() {
        RedTeamState current = state;
        if (current == null || current.attempt() == null || !current.attempt().canRate()) {
            return;
        }
        composer.setState(false, false);
        rating.open(current.campaign().askTaskHarm());
        notice.setText("Rate your attempt: press 0-4"
                + (current.campaign().askTaskHarm() ? " (Shift+0-4 for how harmful the task was)" : "")
                + ", then Enter.");
    }

    private void backToConversation() {
        rating.close();
        if (state != null) {
            render(state);
        }
    }

    private void rate(int success, @Nullable Integer taskHarm) {
        RedTeamState current = state;
        if (current == null || current.attempt() == null) {
            return;
        }
        try {
            RatingReceipt receipt =
                    redTeam.rate(new RatingRequest(current.attempt().id(), success, taskHarm));
            rating.close();
            render(receipt.state());
            if (receipt.state().completionCode() == null) {
                notice.setText("Rating recorded (" + receipt.rating() + "). Start your next attempt.");
            }
        } catch (AttemptAlreadyRatedException e) {
            rating.close();
            reload();
            notice.setText(e.getMessage());
        } catch (RedTeamException e) {
            notice.setText(e.getMessage());
            rating.reenable();
        }
    }

    private void giveUp() {
        try {
            rating.close();
            render(redTeam.abandon(campaignId));
            notice.setText("The attempt was dropped. Describe a new task to start again.");
        } catch (RedTeamException e) {
            notice.setText(e.getMessage());
        }
    }

    private void reload() {
        try {
            render(redTeam.open(campaignId));
        } catch (RedTeamException e) {
            notice.setText(e.getMessage());
        }
    }

    private void openGuidelines() {
        if (state != null) {
            RedTeamGuidelines.dialog(state.campaign(), () -> redTeam.acknowledgeGuidelines(campaignId))
                    .open();
        }
    }

    private void stopWatching() {
        watching.stop();
    }
}
