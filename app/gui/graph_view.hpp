// The graph's view: zoom (Ctrl+wheel, Ctrl++ / Ctrl+-), fit (Ctrl+0), pan by dragging or with
// the scroll bars, and the keyboard: arrow keys move the selection to the nearest card in that
// direction, Home to the first. The legend of group colours sits in its top right corner.
#pragma once

#include <QGraphicsView>

namespace isola::gui {

class GraphScene;
class GraphLegend;

class GraphView : public QGraphicsView {
    Q_OBJECT

public:
    explicit GraphView(GraphScene* scene, QWidget* parent = nullptr);

    [[nodiscard]] double zoom() const { return transform().m11(); }
    void zoomBy(double factor);
    void fitAll();
    // Moves the selection to the nearest card in a direction (Qt::Key_Left/Right/Up/Down).
    bool moveSelection(int key);
    void centreOnSelection();
    [[nodiscard]] GraphLegend* legend() const { return legend_; }

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void placeLegend();

    GraphScene* scene_;
    GraphLegend* legend_;
};

// The group colours and what they mean, in the person's language.
class GraphLegend : public QWidget {
    Q_OBJECT

public:
    explicit GraphLegend(QWidget* parent = nullptr);
    [[nodiscard]] QStringList entries() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    [[nodiscard]] QSize sizeHint() const override;
};

}  // namespace isola::gui
