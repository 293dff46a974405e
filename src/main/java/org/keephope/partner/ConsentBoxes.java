package org.keephope.partner;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The partner fields of a sign form: a box per collecting partner, and the hidden fields that say which
 * texts were shown and which partner brought the signer ({@code src}, empty when none or unknown).
 */
public record ConsentBoxes(List<ConsentBox> boxes, String src) {

    public String shown() {
        return boxes.stream().map(b -> "" + b.textId()).collect(Collectors.joining(" "));
    }

    /** The same boxes, ticked as the supporter sent them (a form shown again keeps its choices). */
    public ConsentBoxes as(Map<String, String> params) {
        return new ConsentBoxes(
                boxes.stream()
                        .map(b -> new ConsentBox(
                                b.textId(), b.organisation(), b.text(), params.containsKey("consent_" + b.textId())))
                        .toList(),
                src);
    }
}
