package org.findingskb.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "study")
public class Study {

    @Id
    public Long id;
    public String slug;
    public String title;
    public String institution;
    public String journal;
    @Column(name = "published_year")
    public Integer publishedYear;
    public String doi;
    public String population;
}
