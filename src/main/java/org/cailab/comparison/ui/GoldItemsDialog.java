package org.cailab.comparison.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.ComparisonException;
import org.cailab.comparison.GoldItem;
import org.cailab.comparison.NewGoldItem;

/** The gold items of a campaign: pre-written comparisons whose better answer is known. */
class GoldItemsDialog extends Dialog {

    private final CampaignService campaigns;
    private final Campaign campaign;
    private final Grid<GoldItem> grid = new Grid<>();

    GoldItemsDialog(CampaignService campaigns, Campaign campaign, Runnable onChanged) {
        this.campaigns = campaigns;
        this.campaign = campaign;
        setHeaderTitle("Gold items of " + campaign.name());
        setWidth("60em");
        grid.addColumn(GoldItem::prompt).setHeader("Message").setFlexGrow(2);
        grid.addColumn(GoldItem::betterAnswer).setHeader("Better answer").setFlexGrow(2);
        grid.addColumn(GoldItem::worseAnswer).setHeader("Worse answer").setFlexGrow(2);
        grid.addComponentColumn(item -> {
                    Button remove = new Button("Remove", e -> {
                        campaigns.removeGoldItem(campaign.id(), item.id());
                        refresh();
                        onChanged.run();
                    });
                    remove.addThemeVariants(
                            ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                    return remove;
                })
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setAllRowsVisible(true);

        TextArea prompt = new TextArea("Human message");
        TextArea better = new TextArea("Better answer");
        TextArea worse = new TextArea("Worse answer");
        Span error = new Span();
        error.addClassName("cailab-error");
        Button add = new Button("Add gold item", e -> {
            try {
                campaigns.addGoldItem(
                        campaign.id(), new NewGoldItem(prompt.getValue(), better.getValue(), worse.getValue()));
                prompt.clear();
                better.clear();
                worse.clear();
                error.setText("");
                refresh();
                onChanged.run();
            } catch (ComparisonException ex) {
                error.setText(ex.getMessage());
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(
                new Paragraph("Gold checks appear as a pre-written conversation at the campaign's gold rate; workers "
                        + "see the two answers on random sides. Gold votes never count for the ratings."),
                grid,
                new FormLayout(prompt, better, worse),
                add,
                error);
        getFooter().add(new Button("Close", e -> close()));
        refresh();
    }

    private void refresh() {
        grid.setItems(campaigns.goldItems(campaign.id()));
    }
}
