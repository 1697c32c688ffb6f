package org.cailab.constitution.ui;

import java.util.ArrayList;
import java.util.List;
import org.cailab.constitution.ChainOfThoughtExample;
import org.cailab.constitution.ConstitutionContent;
import org.cailab.constitution.ConstitutionVersionInfo;
import org.cailab.constitution.ConstitutionVersionView;
import org.cailab.constitution.CritiqueRevisionExample;
import org.cailab.constitution.MultipleChoiceExample;
import org.cailab.constitution.RlPrinciple;
import org.cailab.constitution.SlPrinciple;

/**
 * What the editor holds: mutable lists of the version's parts and the version a save will name as its parent.
 * Lives only in the view, so a refused save loses nothing.
 */
final class ConstitutionDraft {

    final List<SlPrinciple> sl = new ArrayList<>();
    final List<RlPrinciple> rl = new ArrayList<>();
    final List<CritiqueRevisionExample> critique = new ArrayList<>();
    final List<MultipleChoiceExample> mc = new ArrayList<>();
    final List<ChainOfThoughtExample> cot = new ArrayList<>();
    private ConstitutionVersionInfo base;
    private ConstitutionContent baseContent;

    ConstitutionDraft(ConstitutionVersionView version) {
        base = version.info();
        baseContent = version.content();
        ConstitutionContent content = version.content();
        sl.addAll(content.slPrinciples());
        rl.addAll(content.rlPrinciples());
        critique.addAll(content.critiqueExamples());
        mc.addAll(content.mcExamples());
        cot.addAll(content.cotExamples());
    }

    /** The version a save starts from (the parent of the next version). */
    ConstitutionVersionInfo base() {
        return base;
    }

    ConstitutionContent baseContent() {
        return baseContent;
    }

    ConstitutionContent content() {
        return new ConstitutionContent(sl, rl, critique, mc, cot);
    }

    /** Whether a save would store anything new compared with the base version. */
    boolean isDirty() {
        return !content().equals(baseContent);
    }

    /** Keeps the edited content but saves it on top of another (newer) version, after a conflict. */
    void rebaseOn(ConstitutionVersionView latest) {
        base = latest.info();
        baseContent = latest.content();
    }
}
