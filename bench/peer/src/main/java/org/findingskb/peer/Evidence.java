package org.findingskb.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Evidence {

    @Column(name = "source_id")
    public Long sourceId;
    @Column(name = "start_offset")
    public int start;
    @Column(name = "end_offset")
    public int end;
    public String exact;
    public String prefix;
    public String suffix;
}
