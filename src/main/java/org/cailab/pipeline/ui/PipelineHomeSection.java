package org.cailab.pipeline.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Optional;
import org.cailab.base.ui.HomeSection;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.security.Role;

/**
 * A researcher's home: the pipeline's steps in the paper's order, with links, and the state of recent runs. An admin
 * also sees failed runs under "Needs attention".
 */
@org.springframework.stereotype.Component
class PipelineHomeSection implements HomeSection {

    private static final int RECENT = 5;

    /** The steps with the page that starts each (paths, so that this module does not reach into others' views). */
    private static final List<String[]> STEPS = List.of(
            new String[] {
                "constitution", "Constitution", "the principles and few-shot examples (admins edit, with versions)"
            },
            new String[] {
                "prompt-sets", "Prompt sets", "import red-team and helpfulness prompts (hh-rlhf or plain text)"
            },
            new String[] {
                "runs",
                "Runs",
                "SL-CAI critique and revision, response pairs, AI-feedback labels, SL finetuning, "
                        + "preference-model training, RL-CAI: start one and watch it"
            },
            new String[] {
                "pipelines",
                "Whole pipeline",
                "all of these as one run from a constitution to RL-CAI snapshots "
                        + "in comparison campaigns, or two constitution versions side by side"
            },
            new String[] {"preference-pairs", "Preference pairs", "human and AI comparison labels, imports and exports"
            },
            new String[] {"models", "Models", "the snapshots each stage produced, and checkpoints you register"},
            new String[] {"comparison/campaigns", "Comparison campaigns", "crowdworkers compare snapshots side by side"
            },
            new String[] {"dashboard", "Dashboards", "ratings with intervals, the harmlessness/helpfulness frontier"},
            new String[] {"evaluations", "Evaluations", "multiple-choice accuracy and calibration per snapshot"});

    private final AuthenticationContext authentication;
    private final RunService runs;

    PipelineHomeSection(AuthenticationContext authentication, RunService runs) {
        this.authentication = authentication;
        this.runs = runs;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Component> content() {
        if (!authentication.hasRole(Role.RESEARCHER_ROLE)) {
            return Optional.empty();
        }
        Div section = new Div();
        section.setId("home-pipeline");
        section.add(new H2("The pipeline"));
        OrderedList steps = new OrderedList();
        for (String[] step : STEPS) {
            steps.add(new ListItem(new Anchor(step[0], step[1]), new Span(": " + step[2])));
        }
        section.add(steps);

        List<RunSummary> recent = runs.findRecent(200);
        if (authentication.hasRole(Role.ADMIN_ROLE)) {
            List<RunSummary> failed = recent.stream()
                    .filter(s -> s.run().state() == RunState.FAILED)
                    .limit(RECENT)
                    .toList();
            if (!failed.isEmpty()) {
                Div attention = new Div(new H2("Needs attention"));
                attention.setId("home-attention");
                failed.forEach(s -> attention.add(runLine(s)));
                section.addComponentAsFirst(attention);
            }
        }
        section.add(new H2("Recent runs"));
        if (recent.isEmpty()) {
            section.add(new Paragraph("No run yet: import a prompt set, then start an SL-CAI run on Runs."));
        }
        recent.stream().limit(RECENT).forEach(s -> section.add(runLine(s)));
        return Optional.of(section);
    }

    private static Component runLine(RunSummary summary) {
        RouterLink link = new RouterLink(
                summary.run().name(),
                RunView.class,
                new RouteParameters(RunView.ID, String.valueOf(summary.run().id())));
        HorizontalLayout line = new HorizontalLayout(
                link,
                RunFormat.stateBadge(summary.run().state()),
                RunFormat.progressBar(summary.progress()),
                new Span(RunFormat.counts(summary.progress())));
        line.setAlignItems(HorizontalLayout.Alignment.CENTER);
        line.addClassName("home-run");
        return line;
    }
}
