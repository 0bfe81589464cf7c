package jp.kakaritsuke.kb.query;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpAssign;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprVars;

/** Every variable a query mentions anywhere in its WHERE clause: patterns, filters, binds, groups and orderings. */
final class QueryVariables {

    private QueryVariables() {}

    static Set<String> of(Query query) {
        Op op = Algebra.compile(query);
        Set<Var> vars = new HashSet<>();
        OpVars.mentionedVars(op, vars);
        // Variables that occur only in expressions are parameters too (FILTER(?x = ?param)).
        OpWalker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpFilter opFilter) {
                ExprVars.varsMentioned(vars, opFilter.getExprs());
            }

            @Override
            public void visit(OpLeftJoin opLeftJoin) {
                if (opLeftJoin.getExprs() != null) {
                    ExprVars.varsMentioned(vars, opLeftJoin.getExprs());
                }
            }

            @Override
            public void visit(OpExtend opExtend) {
                addAll(opExtend.getVarExprList());
            }

            @Override
            public void visit(OpAssign opAssign) {
                addAll(opAssign.getVarExprList());
            }

            @Override
            public void visit(OpGroup opGroup) {
                addAll(opGroup.getGroupVars());
                for (ExprAggregator agg : opGroup.getAggregators()) {
                    if (agg.getAggregator().getExprList() != null) {
                        ExprVars.varsMentioned(vars, agg.getAggregator().getExprList());
                    }
                }
            }

            @Override
            public void visit(OpOrder opOrder) {
                for (SortCondition condition : opOrder.getConditions()) {
                    ExprVars.varsMentioned(vars, condition);
                }
            }

            private void addAll(VarExprList list) {
                vars.addAll(list.getVars());
                list.getExprs().values().forEach(expr -> ExprVars.varsMentioned(vars, expr));
            }
        });
        Set<String> names = new HashSet<>();
        vars.forEach(v -> names.add(v.getVarName()));
        return names;
    }
}
