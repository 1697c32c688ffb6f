package org.cailab.comparison.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.cailab.comparison.ComparisonException;
import org.cailab.comparison.ComparisonService;
import org.cailab.comparison.WorkerConversation;
import org.cailab.security.Role;

/**
 * A worker's own conversation, read-only, at an address they can keep: their messages and the answers they picked.
 * Anyone else's conversation is "not available", exactly like an address that does not exist.
 */
@Route("compare/:campaignId([0-9]{1,18})/conversation/:conversationId([0-9]{1,18})")
@PageTitle("Conversation | Constitutional AI Lab")
@RolesAllowed(Role.WORKER_ROLE)
@StyleSheet("app/comparison.css")
class ConversationView extends VerticalLayout implements BeforeEnterObserver {

    static final String CAMPAIGN = "campaignId";
    static final String CONVERSATION = "conversationId";

    private final ComparisonService comparisons;

    ConversationView(ComparisonService comparisons) {
        this.comparisons = comparisons;
        addClassName("cmp-page");
    }

    static RouteParameters parameters(long campaignId, long conversationId) {
        return new RouteParameters(
                java.util.Map.of(CAMPAIGN, String.valueOf(campaignId), CONVERSATION, String.valueOf(conversationId)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long campaignId = event.getRouteParameters().getLong(CAMPAIGN).orElse(0L);
        long conversationId = event.getRouteParameters().getLong(CONVERSATION).orElse(0L);
        WorkerConversation conversation;
        try {
            conversation = comparisons.conversation(campaignId, conversationId);
        } catch (ComparisonException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        ConversationLog log = new ConversationLog();
        log.show(
                conversation.exchanges(),
                conversation.pending() == null ? null : conversation.pending().humanMessage());
        Paragraph summary =
                new Paragraph("Read-only. " + conversation.exchanges().size() + " of at most "
                        + conversation.turnLimit() + " turns" + (conversation.finished() ? ", finished." : "."));
        summary.setId("conversation-summary");
        RouterLink back = new RouterLink(
                "Back to the comparisons",
                ComparisonView.class,
                new RouteParameters(CAMPAIGN, String.valueOf(campaignId)));
        add(new H2("Conversation " + conversationId), summary, log, back);
    }
}
