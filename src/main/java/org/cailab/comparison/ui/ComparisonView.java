package org.cailab.comparison.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.cailab.base.ui.CompletionPanel;
import org.cailab.base.ui.ShortcutLegend;
import org.cailab.base.ui.Watching;
import org.cailab.comparison.Choice;
import org.cailab.comparison.ComparisonException;
import org.cailab.comparison.ComparisonService;
import org.cailab.comparison.ComparisonState;
import org.cailab.comparison.PendingComparison;
import org.cailab.comparison.Side;
import org.cailab.comparison.StaleTurnException;
import org.cailab.comparison.VoteReceipt;
import org.cailab.comparison.VoteRequest;
import org.cailab.comparison.WorkerConversation;
import org.cailab.crowdwork.ui.PagePush;
import org.cailab.crowdwork.ui.WorkerPageHeader;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * The worker's comparison page: the conversation so far, the two answers streaming side by side as A and B, the
 * vote, and the message box; every action has a keyboard shortcut listed on the page. The page only shows what
 * the service returns and never decides anything itself: the service refuses votes that are not current.
 */
@Route("compare/:campaignId([0-9]{1,18})")
@PageTitle("Compare | Constitutional AI Lab")
@RolesAllowed(Role.WORKER_ROLE)
@StyleSheet("app/comparison.css")
class ComparisonView extends VerticalLayout implements BeforeEnterObserver, PagePush.Target {

    private final ComparisonService comparisons;
    private final RouterLink transcript = new RouterLink();
    private final WorkerPageHeader header =
            new WorkerPageHeader("cmp-header", Shortcut.GUIDELINES, this::openGuidelines, transcript);
    private final Span notice = header.notice();
    private final ConversationLog log = new ConversationLog();
    private final AnswerPanes answers = new AnswerPanes();
    private final VoteBar voteBar = new VoteBar(this::vote);
    private final Composer composer;
    private final ShortcutLegend legend = Shortcut.legend("shortcut-legend");
    private final CompletionPanel completion = new CompletionPanel("comparisons", "cmp-code");
    private final Div work = new Div(log, answers, voteBar);

    private long campaignId;
    private @Nullable ComparisonState state;
    private @Nullable Long turnId;
    private String voteKey = UUID.randomUUID().toString();
    private final Watching watching = new Watching(this);
    private String lastMessage = "";

    ComparisonView(ComparisonService comparisons) {
        this.comparisons = comparisons;
        this.composer = new Composer(this::send, this::newConversation, 4000);
        addClassName("cmp-page");
        transcript.setText("Conversation transcript");
        transcript.setId("conversation-link");
        transcript.setVisible(false);
        work.addClassName("cmp-work");
        work.add(composer);
        add(header, notice, work, completion, legend);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        campaignId = event.getRouteParameters().getLong("campaignId").orElse(0L);
        try {
            render(comparisons.open(campaignId));
        } catch (ComparisonException e) {
            header.setTitle("Comparison");
            work.setVisible(false);
            notice.setText(e.getMessage());
            return;
        }
        if (state != null && !state.guidelinesSeen()) {
            openGuidelines();
        }
    }

    private void render(ComparisonState newState) {
        state = newState;
        header.setTitle(newState.campaign().name());
        Integer quota = newState.campaign().quota();
        header.setProgress("Comparisons done: " + newState.votesDone() + (quota == null ? "" : " of " + quota));
        legend.show(Shortcut.legendFor(newState.campaign()));
        voteBar.configure(newState.campaign());
        if (newState.completionCode() != null) {
            stopWatching();
            work.setVisible(false);
            transcript.setVisible(false);
            legend.setVisible(false);
            notice.setText("");
            completion.show(newState.completionCode());
            return;
        }
        WorkerConversation conversation = newState.conversation();
        if (conversation == null) {
            stopWatching();
            work.setVisible(false);
            transcript.setVisible(false);
            notice.setText("This campaign is closed.");
            return;
        }
        work.setVisible(true);
        transcript.setRoute(ConversationView.class, ConversationView.parameters(campaignId, conversation.id()));
        transcript.setVisible(true);
        PendingComparison pending = conversation.pending();
        log.show(conversation.exchanges(), pending == null ? null : pending.humanMessage());
        if (pending == null) {
            stopWatching();
            turnId = null;
            answers.clear();
            voteBar.disableVoting();
            composer.setWriting(!conversation.finished());
            notice.setText(
                    conversation.finished()
                            ? "This conversation has reached its turn limit. Start a new conversation (Alt+N)."
                            : "Write your message"
                                    + (conversation.exchanges().isEmpty() ? "." : " to continue the conversation.")
                                    + " Turns left: " + conversation.turnsLeft() + ".");
        } else {
            follow(pending);
        }
    }

    /** Shows a comparison: streams its answers until both are ready, then lets the worker vote. */
    private void follow(PendingComparison pending) {
        composer.setWriting(false);
        if (turnId == null || turnId != pending.turnId()) {
            turnId = pending.turnId();
            voteKey = UUID.randomUUID().toString();
        }
        stopWatching();
        if (pending.ready()) {
            ready(pending.turnId(), List.of(pending.answerA(), pending.answerB()));
            return;
        }
        voteBar.disableVoting();
        answers.streaming();
        notice.setText("Both answers are being written...");
        watching.watch(comparisons.watch(
                pending.turnId(), new PageStream(new PagePush(UI.getCurrent(), this, pending.turnId())))::close);
    }

    @Override
    public void text(long turn, int answer, String text) {
        if (turnId != null && turnId == turn) {
            answers.text(answer == 0 ? Side.A : Side.B, text);
        }
    }

    @Override
    public void ready(long turn, List<String> texts) {
        if (turnId != null && turnId == turn) {
            answers.ready(texts.get(0), texts.get(1));
            voteBar.enableVoting();
            notice.setText("Which answer is better? Press A or B"
                    + (state != null && state.campaign().allowTie() ? ", T for a tie" : "")
                    + (state != null && state.campaign().allowBothBad() ? ", X if both are bad" : "") + ".");
        }
    }

    @Override
    public void failed(long turn, String message) {
        if (turnId != null && turnId == turn) {
            reload();
            composer.restore(lastMessage);
            notice.setText(message);
        }
    }

    private void send(String message) {
        if (state == null || state.conversation() == null) {
            return;
        }
        lastMessage = message;
        try {
            PendingComparison pending =
                    comparisons.send(campaignId, state.conversation().id(), message);
            composer.clear();
            log.show(state.conversation().exchanges(), pending.humanMessage());
            follow(pending);
        } catch (StaleTurnException e) {
            notice.setText(e.getMessage());
            reload();
        } catch (ComparisonException e) {
            notice.setText(e.getMessage());
        }
    }

    private void vote(Choice choice) {
        Long turn = turnId;
        if (turn == null) {
            return;
        }
        try {
            VoteReceipt receipt = comparisons.vote(new VoteRequest(turn, choice, voteBar.strength(), voteKey));
            turnId = null;
            render(receipt.state());
            if (receipt.state().completionCode() == null) {
                notice.setText("Vote recorded (" + choice.label() + "). " + notice.getText());
            }
        } catch (StaleTurnException e) {
            reload();
            notice.setText(e.getMessage());
        } catch (ComparisonException e) {
            notice.setText(e.getMessage());
            voteBar.enableVoting();
        }
    }

    private void newConversation() {
        try {
            render(comparisons.newConversation(campaignId));
        } catch (ComparisonException e) {
            notice.setText(e.getMessage());
        }
    }

    private void reload() {
        try {
            render(comparisons.open(campaignId));
        } catch (ComparisonException e) {
            notice.setText(e.getMessage());
        }
    }

    private void openGuidelines() {
        if (state != null) {
            ComparisonGuidelines.dialog(state.campaign(), () -> {
                        comparisons.acknowledgeGuidelines(campaignId);
                        // back to the keyboard: the dialog leaves the focus nowhere
                        composer.focusIfWriting();
                    })
                    .open();
        }
    }

    private void stopWatching() {
        watching.stop();
    }
}
