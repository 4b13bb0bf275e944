package org.findingskb.peer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "concept")
public class Concept {

    @Id
    public Long id;
    public String name;
    public String type;
    @Column(name = "mesh_id")
    public String meshId;
}
